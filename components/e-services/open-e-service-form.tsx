"use client";

// The "Ouvrir" button of an e-service: its action re-checks the access on the server, then
// leaves the portal for the e-service (or says here why it cannot).
import { useActionState } from "react";
import { FormResult } from "@/components/ui/action-result";
import { SubmitButton } from "@/components/ui/submit-button";
import { openEServiceAction } from "@/lib/e-services/access/actions";
import { IDLE } from "@/lib/forms";

export function OpenEServiceForm({ slug, serviceName, label = "Ouvrir l'e-service" }: { slug: string; serviceName: string; label?: string }) {
  const [state, action] = useActionState(openEServiceAction, IDLE);
  return (
    <form action={action} className="space-y-3">
      <FormResult id={`ouvrir-${slug}-message`} state={state} />
      <input type="hidden" name="slug" value={slug} />
      <SubmitButton pendingLabel="Ouverture…">
        {label}
        <span className="sr-only"> {serviceName}</span>
      </SubmitButton>
    </form>
  );
}
