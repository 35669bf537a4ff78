"use client";

// A new password and its confirmation, with the live checklist and strength meter
// (PWD-1..3). The typed password lives here only to drive the checklist.
import { useState } from "react";
import type { PasswordContext } from "@/lib/password-policy";
import { PasswordChecklist } from "./password-checklist";
import { PasswordInput } from "./password-input";

export function NewPasswordFields({
  label = "Mot de passe",
  context,
  errors,
  resetKey,
}: {
  label?: string;
  context: PasswordContext;
  errors: { password?: string; passwordConfirmation?: string };
  /** Changes after each answer of the form: the fields are then empty again. */
  resetKey?: unknown;
}) {
  const [password, setPassword] = useState("");
  const [seen, setSeen] = useState(resetKey);
  if (seen !== resetKey) {
    setSeen(resetKey);
    setPassword("");
  }
  return (
    <>
      <PasswordInput
        name="password"
        label={label}
        required
        autoComplete="new-password"
        error={errors.password}
        extraDescribedBy="regles-mot-de-passe"
        onChange={(event) => setPassword(event.target.value)}
      >
        <PasswordChecklist id="regles-mot-de-passe" password={password} context={context} />
      </PasswordInput>
      <PasswordInput
        name="passwordConfirmation"
        label="Confirmation du mot de passe"
        required
        autoComplete="new-password"
        error={errors.passwordConfirmation}
      />
    </>
  );
}
