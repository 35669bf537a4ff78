// LR-7: when the letter has not been confirmed 5 jours ouvrables after it was posted, the
// requester may ask for a new one: a new request with a new code, the old one superseded.
import "server-only";
import type { Db } from "../db";
import { authenticate } from "../auth/authenticate";
import { loginFailureMessage } from "../auth/login-messages";
import { administratorRequestStatus } from "./queries";
import { requestAdministratorRole } from "./request-administrator-role";
import { actorOfAccount, UserError, type Actor, type OperationContext } from "../operation";
import { formatDate } from "../calendar";


export async function requestNewLetter(
  db: Db,
  requester: Actor,
  context: OperationContext = {},
): Promise<void> {
  const now = context.now ?? new Date();
  const pending = await administratorRequestStatus(db, requester.accountId, now);
  if (!pending || !requester.organisationId) throw new UserError("Aucune demande d'administration n'est en cours pour ce compte.");
  if (!pending.overdue) {
    throw new UserError(
      pending.overdueFrom
        ? `Le courrier a été posté le ${formatDate(pending.postedAt!)} : un nouveau courrier pourra être demandé à partir du ${formatDate(pending.overdueFrom)}.`
        : "Le courrier n'a pas encore été posté : il part dans les prochains jours ouvrables.",
    );
  }
  const organisationId = requester.organisationId;
  await db.$transaction((tx) =>
    requestAdministratorRole(tx, {
      account: { id: requester.accountId, organisationId, identifier: requester.identifier },
      actor: requester,
      now,
    }),
  );
}

/**
 * The same, for a registration still waiting for the legal representative: such an account
 * cannot sign in, so it proves itself with its password (counted by the login limits).
 */
export async function requestNewLetterWithPassword(
  db: Db,
  credentials: { identifier: string; password: string },
  context: OperationContext & { ipAddress: string },
): Promise<void> {
  const result = await authenticate(db, credentials, { ipAddress: context.ipAddress, userAgent: context.userAgent, now: context.now });
  if (result.ok) throw new UserError("Votre compte est actif : demandez un nouveau courrier depuis « Mon espace ».");
  if (result.reason !== "pending_legal_representative") throw new UserError(loginFailureMessage(result.reason, result.retryAfterSeconds));
  const account = await db.account.findUniqueOrThrow({
    where: { identifier: credentials.identifier },
    select: { id: true, organisationId: true, identifier: true, role: true },
  });
  await requestNewLetter(db, actorOfAccount(account), context);
}
