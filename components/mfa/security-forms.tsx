"use client";

// MFA-4: the forms of Mon espace « Sécurité ». Every change asks for the current password;
// keys and recovery codes are shown once, in the answer of the action that made them.
import { startRegistration } from "@simplewebauthn/browser";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { PasswordInput } from "@/components/accounts/password-input";
import { ActionForm } from "@/components/space/action-form";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusResult } from "@/components/ui/action-result";
import { IDLE, type FormState } from "@/lib/forms";
import {
  confirmTotpAction,
  finishPasskeyAction,
  regenerateRecoveryCodesAction,
  removePasskeyAction,
  removeTotpAction,
  startPasskeyAction,
  startTotpAction,
  type PasskeyRegistrationState,
} from "@/lib/mfa/actions";
import type { TotpEnrolment } from "@/lib/mfa/manage-factors";

type CodesState = FormState<{ recoveryCodes: string[] | null }>;

/** After adding a factor: the page is read again (the list, and the policy's guard). */
function Continue() {
  return (
    <p>
      <a href="/espace/securite">Continuer</a>
    </p>
  );
}

export function RecoveryCodes({ codes }: { codes: string[] }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="space-y-3 rounded border-2 border-amber-700 bg-amber-50 p-4 text-amber-950">
      <h3 ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        Vos codes de secours
      </h3>
      <p>
        Chaque code ne sert qu&apos;une fois, si vous n&apos;avez plus votre application ni vos clés d&apos;accès.
        Conservez-les en lieu sûr (imprimés, ou dans un gestionnaire de mots de passe) :{" "}
        <strong>ils ne seront plus affichés</strong>.
      </p>
      <ol aria-label="Codes de secours" className="grid list-inside list-decimal gap-1 font-mono text-lg sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </div>
  );
}

function Message({ state, id }: { state: FormState<object>; id: string }) {
  if (state.status === "error" && state.message)
    return (
      <Alert kind="error" id={id} tabIndex={-1}>
        {state.message}
      </Alert>
    );
  if (state.status === "success" && state.message)
    return (
      <Alert kind="success" id={id} tabIndex={-1}>
        {state.message}
      </Alert>
    );
  return null;
}

/** « Ajouter une application d'authentification »: password, then QR code and key, then one code. */
export function AddTotpFlow() {
  const [started, start] = useActionState<FormState<TotpEnrolment>, FormData>(startTotpAction, IDLE);
  const [confirmed, confirm] = useActionState<CodesState, FormData>(confirmTotpAction, IDLE);
  const startRef = useRef<HTMLFormElement>(null);
  const confirmRef = useRef<HTMLFormElement>(null);
  const keyRef = useRef<HTMLHeadingElement>(null);
  useFocusResult(started, "totp-debut-message", startRef);
  useFocusResult(confirmed, "totp-code-message", confirmRef);
  const enrolment = started.status === "success" ? started.result : null;
  useEffect(() => {
    if (enrolment) keyRef.current?.focus();
  }, [enrolment]);

  if (confirmed.status === "success") {
    return (
      <div className="space-y-4">
        <Message state={confirmed} id="totp-code-message" />
        {confirmed.result.recoveryCodes ? <RecoveryCodes codes={confirmed.result.recoveryCodes} /> : null}
        <Continue />
      </div>
    );
  }
  if (!enrolment) {
    return (
      <form ref={startRef} action={start} noValidate className="space-y-4">
        <Message state={started} id="totp-debut-message" />
        <PasswordInput
          id="totp-mot-de-passe"
          name="currentPassword"
          label="Mot de passe actuel"
          required
          autoComplete="current-password"
          error={started.status === "error" ? started.fieldErrors.currentPassword : undefined}
        />
        <SubmitButton variant="secondary">Ajouter une application d&apos;authentification</SubmitButton>
      </form>
    );
  }
  return (
    <div className="space-y-4">
      <h3 ref={keyRef} tabIndex={-1} className="text-lg font-semibold">
        Enregistrez le portail dans votre application
      </h3>
      <ol className="list-inside list-decimal space-y-2">
        <li>Ouvrez votre application d&apos;authentification (par exemple FreeOTP, Aegis, Google Authenticator, Microsoft Authenticator).</li>
        <li>Scannez ce QR code, ou saisissez la clé ci-dessous à la main (type : basé sur le temps).</li>
        <li>Saisissez le code à 6 chiffres que l&apos;application affiche.</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server, nothing to optimise */}
      <img src={enrolment.qrCode} alt="QR code à scanner avec votre application d'authentification" width={200} height={200} className="border border-slate-300" />
      <p>
        Clé à saisir à la main : <code className="break-all rounded bg-slate-100 px-2 py-1 font-mono text-lg" data-testid="cle-totp">{enrolment.key}</code>
      </p>
      <form ref={confirmRef} action={confirm} noValidate className="space-y-4">
        <Message state={confirmed} id="totp-code-message" />
        <TextField
          name="code"
          id="totp-code"
          label="Code à 6 chiffres"
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          error={confirmed.status === "error" ? confirmed.fieldErrors.code : undefined}
        />
        <SubmitButton>Valider le code</SubmitButton>
      </form>
    </div>
  );
}

export function RemoveTotpForm() {
  return (
    <ActionForm id="totp-retrait" action={removeTotpAction} submitLabel="Retirer l'application d'authentification" variant="secondary">
      {({ errors }) => (
        <PasswordInput id="totp-retrait-mot-de-passe" name="currentPassword" label="Mot de passe actuel" required autoComplete="current-password" error={errors.currentPassword} />
      )}
    </ActionForm>
  );
}

/** « Ajouter une clé d'accès »: a name and the password, then the browser asks the authenticator. */
export function AddPasskeyFlow() {
  const [started, start] = useActionState<PasskeyRegistrationState, FormData>(startPasskeyAction, IDLE);
  const [finished, finish, finishing] = useActionState<CodesState, FormData>(finishPasskeyAction, IDLE);
  // The problem of one attempt (one answer of startPasskeyAction): a new attempt starts clear.
  const [failed, setFailed] = useState<{ attempt: PasskeyRegistrationState; text: string } | null>(null);
  const problem = failed?.attempt === started ? failed.text : null;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusResult(started, "cle-message", formRef);
  useFocusResult(finished, "cle-fin-message");

  useEffect(() => {
    if (!("options" in started)) return;
    let cancelled = false;
    startRegistration({ optionsJSON: started.options })
      .then((response) => {
        if (cancelled) return;
        const data = new FormData();
        data.set("name", started.name);
        data.set("response", JSON.stringify(response));
        startTransition(() => finish(data));
      })
      .catch(() => {
        if (!cancelled) setFailed({ attempt: started, text: "La clé d'accès n'a pas été créée (demande annulée ou appareil indisponible) : recommencez." });
      });
    return () => {
      cancelled = true;
    };
  }, [started, finish]);

  return (
    <div className="space-y-4">
      <div role="status" aria-live="polite" className="space-y-2">
        {"options" in started && finished.status === "idle" && !problem ? <p>Suivez les indications de votre navigateur pour créer la clé d&apos;accès…</p> : null}
        {finishing ? <p>Enregistrement de la clé d&apos;accès…</p> : null}
        {problem ? <p className="font-medium text-red-700">{problem}</p> : null}
      </div>
      {finished.status === "error" && finished.message ? (
        <Alert kind="error" id="cle-fin-message" tabIndex={-1}>
          {finished.message}
        </Alert>
      ) : null}
      {finished.status === "success" ? (
        <>
          <Alert kind="success" id="cle-fin-message" tabIndex={-1}>
            {finished.message}
          </Alert>
          {finished.result.recoveryCodes ? <RecoveryCodes codes={finished.result.recoveryCodes} /> : null}
          <Continue />
        </>
      ) : null}
      <form ref={formRef} action={start} noValidate className="space-y-4">
        {started.status === "error" && started.message ? (
          <Alert kind="error" id="cle-message" tabIndex={-1}>
            {started.message}
          </Alert>
        ) : null}
        <TextField
          name="name"
          id="cle-nom"
          label="Nom de la clé d'accès"
          hint="Pour la reconnaître dans la liste, par exemple « Ordinateur du bureau » ou « Clé USB »."
          required
          maxLength={60}
          defaultValue={started.status === "error" ? started.values.name : undefined}
          error={started.status === "error" ? started.fieldErrors.name : undefined}
        />
        <PasswordInput
          id="cle-mot-de-passe"
          name="currentPassword"
          label="Mot de passe actuel"
          required
          autoComplete="current-password"
          error={started.status === "error" ? started.fieldErrors.currentPassword : undefined}
        />
        <SubmitButton variant="secondary">Ajouter une clé d&apos;accès</SubmitButton>
      </form>
    </div>
  );
}

export function RemovePasskeyForm({ passkey }: { passkey: { id: string; name: string } }) {
  return (
    <ActionForm id={`cle-retrait-${passkey.id}`} action={removePasskeyAction} submitLabel={`Retirer « ${passkey.name} »`} variant="secondary">
      {({ errors }) => (
        <>
          <input type="hidden" name="passkeyId" value={passkey.id} />
          <PasswordInput
            id={`cle-retrait-mot-de-passe-${passkey.id}`}
            name="currentPassword"
            label={`Mot de passe actuel (pour retirer « ${passkey.name} »)`}
            required
            autoComplete="current-password"
            error={errors.currentPassword}
          />
        </>
      )}
    </ActionForm>
  );
}

export function RegenerateRecoveryCodesForm() {
  const [state, action] = useActionState<CodesState, FormData>(regenerateRecoveryCodesAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusResult(state, "codes-message", formRef);
  return (
    <div className="space-y-4">
      {state.status === "success" && state.result.recoveryCodes ? <RecoveryCodes codes={state.result.recoveryCodes} /> : null}
      <form ref={formRef} action={action} noValidate className="space-y-4">
        {state.status === "error" && state.message ? (
          <Alert kind="error" id="codes-message" tabIndex={-1}>
            {state.message}
          </Alert>
        ) : null}
        <PasswordInput
          id="codes-mot-de-passe"
          name="currentPassword"
          label="Mot de passe actuel"
          required
          autoComplete="current-password"
          error={state.status === "error" ? state.fieldErrors.currentPassword : undefined}
        />
        <SubmitButton variant="secondary">Générer de nouveaux codes de secours</SubmitButton>
      </form>
    </div>
  );
}
