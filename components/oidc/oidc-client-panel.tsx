"use client";

// The operator's OpenID Connect registration of one e-service (SSO-2): addresses, how the
// e-service authenticates, a secret shown once (creation, renewal), removal.
import { useActionState, useRef } from "react";
import { ResultMessage, useFocusResult } from "@/components/ui/action-result";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { describedBy, FieldShell, inputClass, RequiredFieldsNote, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/forms";
import { oidcClientAction, type OidcClientFormState } from "@/lib/oidc/actions";
import { OIDC_CLIENT_FIELD_LABELS as LABELS } from "@/lib/oidc/schemas";

export interface OidcClientView {
  clientId: string;
  authMethod: "CLIENT_SECRET_BASIC" | "PRIVATE_KEY_JWT";
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  backchannelLogoutUri: string | null;
  initiateLoginUri: string | null;
  jwksUri: string | null;
}

function UriList({ name, required, hint, error, defaultValue }: { name: "redirectUris" | "postLogoutRedirectUris"; required?: boolean; hint: string; error?: string; defaultValue: string }) {
  const id = `champ-${name}`;
  return (
    <FieldShell id={id} label={LABELS[name]} required={required} hint={hint} error={error}>
      <textarea
        key={defaultValue}
        id={id}
        name={name}
        required={required}
        rows={3}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${inputClass} font-mono text-sm`}
      />
    </FieldShell>
  );
}

export function OidcClientPanel({ eServiceId, client, issuer }: { eServiceId: string; client: OidcClientView | null; issuer: string }) {
  const [state, action] = useActionState(oidcClientAction, IDLE as OidcClientFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusResult(state, "oidc-message", formRef);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const typed = state.status === "error" ? state.values : null;
  const value = (name: keyof OidcClientView, fallback: string) => typed?.[name] ?? fallback;

  return (
    <div className="space-y-4">
      <ResultMessage id="oidc-message" state={state} title={state.status === "success" ? state.message : undefined}>
        {state.status === "success" && state.result.clientSecret ? (
          <div className="space-y-2">
            <p>
              Copiez ce secret maintenant et transmettez-le à l&apos;équipe de l&apos;e-service par un canal sûr : il ne
              sera plus jamais affiché.
            </p>
            <p>
              Identifiant du client : <code data-testid="identifiant-client" className="font-mono">{state.result.clientId}</code>
            </p>
            <p>
              <code data-testid="secret-client" className="block break-all rounded bg-white px-2 py-1 font-mono text-slate-900">
                {state.result.clientSecret}
              </code>
            </p>
          </div>
        ) : undefined}
      </ResultMessage>

      <p className="text-slate-700">
        Émetteur : <code className="font-mono">{issuer}</code> (découverte : <code className="font-mono">{issuer}/.well-known/openid-configuration</code>).
        {client ? (
          <>
            {" "}
            Identifiant du client : <code className="font-mono">{client.clientId}</code>.
          </>
        ) : null}
      </p>

      <form ref={formRef} action={action} noValidate className="space-y-4">
        <RequiredFieldsNote />
        <input type="hidden" name="eServiceId" value={eServiceId} />
        <input type="hidden" name="operation" value="save" />
        <SelectField
          name="authMethod"
          label={LABELS.authMethod}
          required
          defaultValue={value("authMethod", client?.authMethod ?? "CLIENT_SECRET_BASIC")}
          error={errors.authMethod}
          options={[
            { value: "CLIENT_SECRET_BASIC", label: "Secret partagé (client_secret_basic)" },
            { value: "PRIVATE_KEY_JWT", label: "Clés de l'e-service (private_key_jwt)" },
          ]}
        />
        <UriList name="redirectUris" required hint="Une adresse par ligne, en https (http seulement pour 127.0.0.1 ou localhost)." error={errors.redirectUris} defaultValue={value("redirectUris", client?.redirectUris.join("\n") ?? "")} />
        <UriList name="postLogoutRedirectUris" hint="Facultatif. Une adresse par ligne." error={errors.postLogoutRedirectUris} defaultValue={value("postLogoutRedirectUris", client?.postLogoutRedirectUris.join("\n") ?? "")} />
        <TextField name="backchannelLogoutUri" label={LABELS.backchannelLogoutUri} hint="Reçoit les jetons de déconnexion (SSO-5)." error={errors.backchannelLogoutUri} defaultValue={value("backchannelLogoutUri", client?.backchannelLogoutUri ?? "")} key={`b-${client?.backchannelLogoutUri ?? ""}`} />
        <TextField name="initiateLoginUri" label={LABELS.initiateLoginUri} hint="Où « Ouvrir l'e-service » envoie la personne." error={errors.initiateLoginUri} defaultValue={value("initiateLoginUri", client?.initiateLoginUri ?? "")} key={`i-${client?.initiateLoginUri ?? ""}`} />
        <TextField name="jwksUri" label={LABELS.jwksUri} hint="Seulement pour private_key_jwt." error={errors.jwksUri} defaultValue={value("jwksUri", client?.jwksUri ?? "")} key={`j-${client?.jwksUri ?? ""}`} />
        <SubmitButton>{client ? "Mettre à jour la connexion OpenID Connect" : "Déclarer comme client OpenID Connect"}</SubmitButton>
      </form>

      {client ? (
        <div className="flex flex-wrap gap-4">
          {client.authMethod === "CLIENT_SECRET_BASIC" ? (
            <form action={action}>
              <input type="hidden" name="eServiceId" value={eServiceId} />
              <input type="hidden" name="operation" value="renew" />
              <ConfirmButton
                title="Générer un nouveau secret ?"
                consequence={<p>L&apos;ancien secret cesse de fonctionner aussitôt : l&apos;e-service ne pourra plus connecter personne tant que son équipe n&apos;aura pas installé le nouveau.</p>}
                confirmLabel="Générer un nouveau secret"
              >
                Générer un nouveau secret
              </ConfirmButton>
            </form>
          ) : null}
          <form action={action}>
            <input type="hidden" name="eServiceId" value={eServiceId} />
            <input type="hidden" name="operation" value="delete" />
            <ConfirmButton
              title="Supprimer l'enregistrement OpenID Connect ?"
              consequence={<p>Les personnes de toutes les organisations abonnées ne pourront plus ouvrir cet e-service depuis le portail, et leurs sessions en cours dans l&apos;e-service ne seront plus reconnues.</p>}
              confirmLabel="Supprimer l'enregistrement"
            >
              Supprimer l&apos;enregistrement OpenID Connect
            </ConfirmButton>
          </form>
        </div>
      ) : null}
    </div>
  );
}
