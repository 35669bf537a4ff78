// LR-7: when the letter has not been confirmed 5 jours ouvrables after it was posted, the
// requester may ask for a new one: a new request with a new code, the old one superseded.
import "server-only";
import { AccountError } from "../accounts/errors";
import { accountActor } from "../audit/record-audit-event";
import type { Db } from "../db";
import { administratorRequestStatus } from "./queries";
import { requestAdministratorRole } from "./request-administrator-role";

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export async function requestNewLetter(
  db: Db,
  account: { id: string; organisationId: string | null; identifier: string; role: string },
  now = new Date(),
): Promise<void> {
  const pending = await administratorRequestStatus(db, account.id, now);
  if (!pending || !account.organisationId) throw new AccountError("Aucune demande d'administration n'est en cours pour ce compte.");
  if (!pending.overdue) {
    throw new AccountError(
      pending.overdueFrom
        ? `Le courrier a été posté le ${day.format(pending.postedAt!)} : un nouveau courrier pourra être demandé à partir du ${day.format(pending.overdueFrom)}.`
        : "Le courrier n'a pas encore été posté : il part dans les prochains jours ouvrables.",
    );
  }
  const organisationId = account.organisationId;
  await db.$transaction((tx) =>
    requestAdministratorRole(tx, {
      account: { id: account.id, organisationId, identifier: account.identifier },
      actor: accountActor(account),
      now,
    }),
  );
}
