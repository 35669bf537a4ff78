"use server";

// Server actions of "Mon espace": each one takes the account from the session, never from
// the form (SEC-1), parses its input with zod and answers the form in French.
import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut, updateSession } from "../auth/auth";
import { signOutEverywhere } from "../auth/auth-sessions";
import { signSessionTicket } from "../auth/session-ticket";
import { requireViewer } from "../auth/viewer";
import { db } from "../db";
import { parseForm, submittedValues, type FormState } from "../forms";
import { clientAddress } from "../request-context";
import { refusal } from "./refusal";
import { changePassword, closeAccount, confirmEmailChange, requestEmailChange, updateProfile, type EmailChangeOutcome } from "./manage-own-account";
import { closeAccountSchema, emailChangeSchema, passwordChangeSchema, profileSchema } from "./schemas";
import { switchAccount, unlockKey } from "./switch-account";

const SECRET_FIELDS = ["password", "passwordConfirmation", "currentPassword"];


export async function updateProfileAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireViewer();
  const parsed = parseForm(profileSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await updateProfile(db, viewer.accountId, parsed.data);
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
  return { status: "success", message: "Vos informations sont enregistrées.", result: {}, values: submittedValues(formData) };
}

export async function requestEmailChangeAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireViewer();
  const parsed = parseForm(emailChangeSchema, formData, SECRET_FIELDS);
  if (!parsed.ok) return parsed.state;
  try {
    await requestEmailChange(db, viewer.accountId, parsed.data);
  } catch (error) {
    return refusal(error, submittedValues(formData, SECRET_FIELDS));
  }
  return {
    status: "success",
    message: `Un lien de confirmation vient d'être envoyé à ${parsed.data.email}. Votre adresse actuelle reste en service jusqu'à ce que vous cliquiez dessus.`,
    result: {},
  };
}

export async function changePasswordAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireViewer();
  const parsed = parseForm(passwordChangeSchema, formData, SECRET_FIELDS);
  if (!parsed.ok) return parsed.state;
  try {
    const sessionVersion = await changePassword(db, viewer.accountId, parsed.data);
    // Every other session of the account has ended (ACC-10); this one goes on.
    const unlocked = viewer.unlockedAccountIds.filter((key) => !key.startsWith(`${viewer.accountId}:`));
    await updateSession({
      ticket: signSessionTicket({
        accountId: viewer.accountId,
        sessionVersion,
        unlockedAccountIds: [...unlocked, unlockKey(viewer.accountId, sessionVersion)],
      }),
    } as never);
  } catch (error) {
    return refusal(error, {});
  }
  return { status: "success", message: "Votre mot de passe est modifié. Vos autres sessions ont été fermées.", result: {} };
}

export async function closeAccountAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireViewer();
  const parsed = parseForm(closeAccountSchema, formData, SECRET_FIELDS);
  if (!parsed.ok) return parsed.state;
  try {
    await closeAccount(db, viewer.accountId, parsed.data);
  } catch (error) {
    return refusal(error, submittedValues(formData, SECRET_FIELDS));
  }
  await signOut({ redirectTo: "/connexion?info=compte-ferme" });
  return { status: "idle" };
}

/** SEC-7: "Se déconnecter partout" ends every session of the account, this one included. */
export async function signOutEverywhereAction(): Promise<FormState<object>> {
  const viewer = await requireViewer();
  await signOutEverywhere(db, viewer.accountId, { ipAddress: await clientAddress() });
  await signOut({ redirectTo: "/connexion?info=deconnecte-partout" });
  return { status: "idle" };
}

const switchSchema = z.object({
  targetAccountId: z.uuid({ error: "Compte inconnu." }),
  password: z.string().max(1_024).optional(),
});

export async function switchAccountAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireViewer();
  const parsed = parseForm(switchSchema, formData, SECRET_FIELDS);
  if (!parsed.ok) return parsed.state;
  try {
    const next = await switchAccount(db, viewer, parsed.data, { ipAddress: await clientAddress() });
    await updateSession({ ticket: signSessionTicket(next) } as never);
  } catch (error) {
    return refusal(error, submittedValues(formData, SECRET_FIELDS));
  }
  redirect("/espace?info=compte-change");
}

export type EmailConfirmState = { status: "idle" } | { status: "done"; outcome: EmailChangeOutcome };

export async function confirmEmailChangeAction(_previous: EmailConfirmState, formData: FormData): Promise<EmailConfirmState> {
  const token = z.string().min(20).max(100).safeParse(formData.get("token"));
  if (!token.success) return { status: "done", outcome: { ok: false, problem: "unknown" } };
  return { status: "done", outcome: await confirmEmailChange(db, token.data) };
}
