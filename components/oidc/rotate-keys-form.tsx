"use client";

// SSO-1: the operator's button that rotates the provider's signing key.
import { ActionForm } from "@/components/space/action-form";
import { rotateSigningKeysAction } from "@/lib/oidc/actions";

export function RotateKeysForm() {
  return (
    <ActionForm id="rotation-cles" action={rotateSigningKeysAction} submitLabel="Changer la clé de signature" variant="secondary">
      {() => null}
    </ActionForm>
  );
}
