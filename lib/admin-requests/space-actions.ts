"use server";

// The requester's side of the administrator request: ask for the role from "Mon espace",
// or a new letter when the first one has not been confirmed 5 jours ouvrables after it was
// posted (LR-7) — from "Mon espace", or from the login page for a registration that is
// still waiting for the legal representative (such accounts cannot sign in yet).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AccountError } from "../accounts/errors";
import { refusal } from "../accounts/refusal";
import { authenticate } from "../auth/authenticate";
import { loginFailureMessage } from "../auth/login-messages";
import { requireViewer } from "../auth/viewer";
import { db } from "../db";
import { errorState, type FormState } from "../forms";
import { clientAddress, userAgent } from "../request-context";
import { administratorRequestStatus } from "./queries";
import { requestAdministratorRole } from "./request-administrator-role";
import { requestNewLetter } from "./request-new-letter";
import { accountActor } from "../audit/record-audit-event";

const NEW_LETTER_SENT = "Un nouveau courrier, avec un nouveau code, va être envoyé au représentant légal. L'ancien code ne fonctionne plus.";

export async function becomeAdministratorAction(_previous: FormState<object>, _formData: FormData): Promise<FormState<object>> {
  const viewer = await requireViewer();
  if (viewer.role !== "USER" || !viewer.organisationId) return errorState("Votre compte ne peut pas demander ce rôle.");
  if (await administratorRequestStatus(db, viewer.accountId)) return errorState("Une demande est déjà en cours pour votre compte.");
  const organisationId = viewer.organisationId;
  await db.$transaction((tx) =>
    requestAdministratorRole(tx, {
      account: { id: viewer.accountId, organisationId, identifier: viewer.identifier },
      actor: accountActor({ id: viewer.accountId, identifier: viewer.identifier, role: viewer.role }),
    }),
  );
  revalidatePath("/espace");
  return { status: "success", message: "Votre demande est enregistrée : un courrier va être envoyé au représentant légal de votre organisation.", result: {} };
}

export async function requestNewLetterAction(_previous: FormState<object>, _formData: FormData): Promise<FormState<object>> {
  const viewer = await requireViewer();
  try {
    await requestNewLetter(db, { id: viewer.accountId, organisationId: viewer.organisationId, identifier: viewer.identifier, role: viewer.role });
  } catch (error) {
    return refusal(error, {});
  }
  revalidatePath("/espace");
  return { status: "success", message: NEW_LETTER_SENT, result: {} };
}

const passwordSchema = z.object({
  identifier: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string({ error: "Indiquez votre mot de passe." }).min(1, "Indiquez votre mot de passe.").max(1_024),
});

/** For a registration still waiting for the legal representative: proven by the password. */
export async function requestNewLetterWithPasswordAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const parsed = passwordSchema.safeParse({ identifier: formData.get("identifier"), password: formData.get("password") });
  if (!parsed.success) return errorState("Indiquez votre mot de passe.", {}, { password: "Indiquez votre mot de passe." });
  const result = await authenticate(db, parsed.data, { ipAddress: await clientAddress(), userAgent: await userAgent() });
  if (result.ok || result.reason !== "pending_legal_representative") {
    return errorState(result.ok ? "Votre compte est actif : demandez un nouveau courrier depuis « Mon espace »." : loginFailureMessage(result.reason, result.retryAfterSeconds));
  }
  const account = await db.account.findUniqueOrThrow({
    where: { identifier: parsed.data.identifier },
    select: { id: true, organisationId: true, identifier: true, role: true },
  });
  try {
    await requestNewLetter(db, account);
  } catch (error) {
    if (error instanceof AccountError) return errorState(error.message);
    throw error;
  }
  return { status: "success", message: NEW_LETTER_SENT, result: {} };
}
