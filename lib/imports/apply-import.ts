// BULK-1, BULK-2, BULK-4: applying a confirmed import, in the background.
//
// Decisions:
// - Chunks are transactional and resumable: each chunk of rows (accounts, permissions, the
//   rows' final outcomes, the audit events and the import's progress) is one transaction,
//   taken under a lock on the import's row. A crash or an error rolls back the chunk under
//   way only; processedRows always says exactly how many rows are applied. An error stops
//   the import as FAILED with that figure, and "Reprendre" continues from there. Nothing is
//   ever half-applied silently.
// - Every row is checked again at apply time against the accounts as they are then: an
//   address taken meanwhile, an account changed or deactivated since the preview, refuses
//   the row with the reason instead of applying a stale decision.
// - Set-based: per chunk, a handful of queries whatever its size (INSERT/UPDATE … FROM
//   unnest), never one round-trip per row. Accounts are created by createWelcomedAccounts
//   (create-accounts.ts), the same function an invitation from the console goes through (DEP-3).
// - Accounts created by an import are validated by their administrator at creation: the
//   person becomes active by choosing a password through the activation link. E-mails are
//   not written here: the welcome e-mails go out from the imports task (welcome.ts), on the
//   opening date when there is one.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { isDatabaseUnavailableError } from "../database-availability";
import type { Db } from "../db";
import type { ImportRowOutcome, Prisma } from "../generated/prisma/client";
import { loadAccountsForApply, loadEServices } from "./context";
import { createWelcomedAccounts, grantEServices } from "./create-accounts";
import { changedFields, type ExistingAccount, type RowPlan } from "./rows";
import { SYSTEM_ACTOR, UserError, type Actor, type OperationContext } from "../operation";

export const CHUNK_SIZE = 2_000;
const TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

type Tx = Prisma.TransactionClient;

async function lockImport(tx: Tx, importId: string, organisationId: string) {
  const [row] = await tx.$queryRaw<{ id: string; status: string; processedRows: number; totalRows: number; fileName: string }[]>`
    SELECT "id", "status", "processedRows", "totalRows", "fileName" FROM "imports"
    WHERE "id" = ${importId}::uuid AND "organisationId" = ${organisationId}::uuid FOR UPDATE`;
  if (!row) throw new UserError("Cet import est introuvable.");
  return row;
}

/** The administrator confirms a preview: it is queued for the background task. */
export async function confirmImport(db: Db, actor: Actor, input: { organisationId: string; importId: string }, context: OperationContext = {}) {
  const now = context.now ?? new Date();
  await db.$transaction(async (tx) => {
    const current = await lockImport(tx, input.importId, input.organisationId);
    if (current.status !== "PREVIEWED") throw new UserError("Cet import a déjà été confirmé ou abandonné.");
    await tx.import.update({
      where: { id: current.id },
      data: { status: "QUEUED", processedRows: 0, createdCount: 0, updatedCount: 0, unchangedCount: 0, refusedCount: 0 },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "import.confirmed",
      organisationId: input.organisationId,
      target: { type: "import", id: current.id, label: current.fileName },
      details: { rows: current.totalRows },
      ipAddress: context.ipAddress,
      at: now,
    });
  });
}

/** A preview that will not be applied. */
export async function cancelImport(db: Db, actor: Actor, input: { organisationId: string; importId: string }, context: OperationContext = {}) {
  const now = context.now ?? new Date();
  await db.$transaction(async (tx) => {
    const current = await lockImport(tx, input.importId, input.organisationId);
    if (current.status !== "PREVIEWED") throw new UserError("Seul un import en attente de confirmation peut être abandonné.");
    await tx.import.update({ where: { id: current.id }, data: { status: "CANCELLED", finishedAt: now } });
    // The rows held the file's personal data only for the preview.
    await tx.importRow.deleteMany({ where: { importId: current.id } });
    await recordAuditEvent(tx, {
      actor,
      action: "import.cancelled",
      organisationId: input.organisationId,
      target: { type: "import", id: current.id, label: current.fileName },
      ipAddress: context.ipAddress,
      at: now,
    });
  });
}

/** A failed import continues from the first row not applied. */
export async function resumeImport(db: Db, actor: Actor, input: { organisationId: string; importId: string }, context: OperationContext = {}) {
  const now = context.now ?? new Date();
  await db.$transaction(async (tx) => {
    const current = await lockImport(tx, input.importId, input.organisationId);
    if (current.status !== "FAILED") throw new UserError("Seul un import interrompu peut être repris.");
    await tx.import.update({ where: { id: current.id }, data: { status: "QUEUED", errorMessage: null, finishedAt: null } });
    await recordAuditEvent(tx, {
      actor,
      action: "import.resumed",
      organisationId: input.organisationId,
      target: { type: "import", id: current.id, label: current.fileName },
      details: { processedRows: current.processedRows },
      ipAddress: context.ipAddress,
      at: now,
    });
  });
}

type StoredRow = { id: string; rowNumber: number; outcome: ImportRowOutcome; reason: string | null; accountId: string | null; data: Prisma.JsonValue };
type Final = { id: string; outcome: ImportRowOutcome; reason: string | null; accountId: string | null };

const CHANGED_SINCE_PREVIEW = "Le compte a changé depuis l'aperçu (adresse ou statut) : ligne non appliquée, importez de nouveau le fichier pour la reprendre.";

/** Applies the next chunk of one import; returns false when there is nothing (more) to do. */
async function applyChunk(db: Db, importId: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<
      { id: string; organisationId: string; status: string; processedRows: number; totalRows: number; fileName: string; createdById: string | null }[]
    >`SELECT "id", "organisationId", "status", "processedRows", "totalRows", "fileName", "createdById" FROM "imports"
      WHERE "id" = ${importId}::uuid FOR UPDATE SKIP LOCKED`;
    if (!current || (current.status !== "QUEUED" && current.status !== "RUNNING")) return false;
    const organisationId = current.organisationId;
    const rows = await tx.$queryRaw<StoredRow[]>`
      SELECT "id", "rowNumber", "outcome", "reason", "accountId", "data" FROM "import_rows"
      WHERE "importId" = ${importId}::uuid ORDER BY "rowNumber" OFFSET ${current.processedRows} LIMIT ${CHUNK_SIZE}`;

    const planned = rows.filter((row) => row.outcome !== "REFUSED").map((row) => ({ row, plan: (row.data as unknown as { plan: RowPlan }).plan }));
    const { byEmail, byId } = await loadAccountsForApply(
      tx,
      organisationId,
      planned.map(({ plan }) => plan.email),
      planned.flatMap(({ row }) => (row.accountId ? [row.accountId] : [])),
    );
    const eServices = await loadEServices(tx, organisationId, now);
    const stillSubscribed = new Set([...eServices.values()].filter((eService) => eService.subscribed).map((eService) => eService.id));

    const finals = new Map<string, Final>();
    for (const row of rows) if (row.outcome === "REFUSED") finals.set(row.id, { id: row.id, outcome: "REFUSED", reason: row.reason, accountId: row.accountId });

    const toCreate: { row: StoredRow; plan: RowPlan }[] = [];
    const toUpdate: { row: StoredRow; plan: RowPlan; account: ExistingAccount; correction: boolean; changes: string[]; grant: string[] }[] = [];
    for (const { row, plan } of planned) {
      const refuse = (reason: string) => finals.set(row.id, { id: row.id, outcome: "REFUSED", reason, accountId: row.accountId });
      const grant = plan.grant.filter((id) => stillSubscribed.has(id));
      if (row.outcome === "CREATED") {
        const taken = byEmail.get(plan.email);
        if (taken) refuse(`Un compte (${taken.identifier}) a été créé avec l'adresse ${plan.email} depuis l'aperçu : ligne non appliquée.`);
        else toCreate.push({ row, plan: { ...plan, grant } });
        continue;
      }
      const account = row.accountId ? byId.get(row.accountId) : undefined;
      if (!account) {
        refuse("Le compte a été supprimé depuis l'aperçu : ligne non appliquée.");
        continue;
      }
      if (plan.expected && (account.email !== plan.expected.email || account.status !== plan.expected.status)) {
        refuse(CHANGED_SINCE_PREVIEW);
        continue;
      }
      const correction = Boolean(plan.previousEmail);
      if (correction) {
        const taken = byEmail.get(plan.email);
        if (taken && taken.id !== account.id) {
          refuse(`Un compte (${taken.identifier}) utilise l'adresse ${plan.email} depuis l'aperçu : adresse non corrigée.`);
          continue;
        }
      }
      const changes = changedFields(plan, account);
      const newGrants = grant.filter((id) => !account.eServiceIds.includes(id));
      if (!correction && !changes.length && !newGrants.length) {
        finals.set(row.id, { id: row.id, outcome: "UNCHANGED", reason: row.outcome === "UNCHANGED" ? row.reason : "Déjà à jour au moment de l'import.", accountId: account.id });
        continue;
      }
      toUpdate.push({ row, plan, account, correction, changes, grant: newGrants });
    }

    // Creations, with ID-1 identifiers; an identifier or address taken concurrently is retried or refused.
    const created = await createWelcomedAccounts(tx, { organisationId, people: toCreate.map(({ row, plan }) => ({ key: row.id, person: plan })), now });
    for (const { row, plan } of toCreate) {
      const account = created.get(row.id);
      if (account) finals.set(row.id, { id: row.id, outcome: "CREATED", reason: row.reason, accountId: account.id });
      else finals.set(row.id, { id: row.id, outcome: "REFUSED", reason: `Un compte a été créé avec l'adresse ${plan.email} depuis l'aperçu : ligne non appliquée.`, accountId: null });
    }

    if (toUpdate.length) {
      await tx.$executeRaw`
        UPDATE "accounts" AS a SET
          "civility" = v.civility::"Civility",
          "firstName" = v.first_name,
          "lastName" = v.last_name,
          "category" = v.category,
          "openingDate" = CASE WHEN v.set_opening THEN v.opening_date::date ELSE a."openingDate" END,
          "email" = v.email,
          "status" = CASE WHEN v.correction THEN 'PENDING_ACTIVATION'::"AccountStatus" ELSE a."status" END,
          "deactivationReason" = CASE WHEN v.correction THEN NULL ELSE a."deactivationReason" END,
          "deactivatedAt" = CASE WHEN v.correction THEN NULL ELSE a."deactivatedAt" END,
          "activationLinkDueAt" = CASE WHEN v.correction AND a."welcomeSentAt" IS NOT NULL THEN ${now} ELSE a."activationLinkDueAt" END,
          "updatedAt" = ${now}
        FROM unnest(
          ${toUpdate.map((u) => u.account.id)}::uuid[], ${toUpdate.map((u) => u.plan.civility)}::text[],
          ${toUpdate.map((u) => u.plan.firstName)}::text[], ${toUpdate.map((u) => u.plan.lastName)}::text[],
          ${toUpdate.map((u) => u.plan.category)}::text[], ${toUpdate.map((u) => u.changes.includes("openingDate"))}::boolean[],
          ${toUpdate.map((u) => u.plan.openingDate)}::text[], ${toUpdate.map((u) => (u.correction ? u.plan.email : u.account.email))}::text[],
          ${toUpdate.map((u) => u.correction)}::boolean[]
        ) AS v(id, civility, first_name, last_name, category, set_opening, opening_date, email, correction)
        WHERE a."id" = v.id`;
      const corrected = toUpdate.filter((u) => u.correction).map((u) => u.account.id);
      if (corrected.length) {
        // The links sent to the wrong address stop working at once; the new one goes out tonight.
        await tx.token.updateMany({
          where: { accountId: { in: corrected }, purpose: "ACTIVATION", usedAt: null, invalidatedAt: null },
          data: { invalidatedAt: now },
        });
      }
      for (const update of toUpdate) finals.set(update.row.id, { id: update.row.id, outcome: "UPDATED", reason: update.row.reason, accountId: update.account.id });
    }

    const grants = [
      ...toCreate.flatMap(({ row, plan }) => {
        const account = created.get(row.id);
        return account ? plan.grant.map((eServiceId) => ({ accountId: account.id, eServiceId })) : [];
      }),
      ...toUpdate.flatMap((update) => update.grant.map((eServiceId) => ({ accountId: update.account.id, eServiceId }))),
    ];
    await grantEServices(tx, { organisationId, grants, grantedById: current.createdById, now });

    const results = [...finals.values()];
    await tx.$executeRaw`
      UPDATE "import_rows" AS r SET "outcome" = v.outcome::"ImportRowOutcome", "reason" = v.reason, "accountId" = v.account_id
      FROM unnest(${results.map((r) => r.id)}::uuid[], ${results.map((r) => r.outcome)}::text[], ${results.map((r) => r.reason)}::text[],
                  ${results.map((r) => r.accountId)}::uuid[]) AS v(id, outcome, reason, account_id)
      WHERE r."id" = v.id`;

    const actor = await importActor(tx, current.createdById);
    // One audit event per account created or updated, written set-based like the rest.
    const audited = results.filter((result) => (result.outcome === "CREATED" || result.outcome === "UPDATED") && result.accountId);
    if (audited.length) {
      await tx.$executeRaw`
        INSERT INTO "audit_events" ("id", "createdAt", "actorId", "actorLabel", "actorRole", "action", "organisationId", "targetType", "targetId", "details")
        SELECT gen_random_uuid(), ${now}, ${actor.id}::uuid, ${actor.label}, ${actor.role}, e.action, ${organisationId}::uuid, 'account', e.target_id,
               jsonb_build_object('importId', ${importId}::text)
        FROM unnest(${audited.map((result) => (result.outcome === "CREATED" ? "account.imported" : "account.updated_by_import"))}::text[],
                    ${audited.map((result) => result.accountId)}::text[]) AS e(action, target_id)`;
    }

    const count = (outcome: ImportRowOutcome) => results.filter((result) => result.outcome === outcome).length;
    const processedRows = current.processedRows + rows.length;
    const done = processedRows >= current.totalRows;
    const updated = await tx.import.update({
      where: { id: importId },
      data: {
        status: done ? "COMPLETED" : "RUNNING",
        processedRows,
        createdCount: { increment: count("CREATED") },
        updatedCount: { increment: count("UPDATED") },
        unchangedCount: { increment: count("UNCHANGED") },
        refusedCount: { increment: count("REFUSED") },
        startedAt: current.status === "QUEUED" && current.processedRows === 0 ? now : undefined,
        finishedAt: done ? now : undefined,
      },
    });
    if (done) {
      await recordAuditEvent(tx, {
        actor: SYSTEM_ACTOR,
        action: "import.completed",
        organisationId,
        target: { type: "import", id: importId, label: current.fileName },
        details: {
          rows: updated.totalRows,
          created: updated.createdCount,
          updated: updated.updatedCount,
          unchanged: updated.unchangedCount,
          refused: updated.refusedCount,
          confirmedBy: actor.label,
        },
        at: now,
      });
    }
    return !done;
  }, TRANSACTION);
}

/** Who the accounts' audit events name: the person who confirmed the import (the set-based insert writes the journal's columns itself). */
async function importActor(tx: Tx, accountId: string | null): Promise<{ id: string | null; label: string; role: string }> {
  const account = accountId ? await tx.account.findUnique({ where: { id: accountId }, select: { id: true, identifier: true, role: true } }) : null;
  return account ? { id: account.id, label: account.identifier, role: account.role } : { id: null, label: "Portail (automatique)", role: "SYSTEM" };
}

/** The next import waiting for work, oldest first. */
async function nextImportId(db: Db, after: string[]): Promise<string | null> {
  const next = await db.import.findFirst({
    where: { status: { in: ["QUEUED", "RUNNING"] }, id: { notIn: after } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return next?.id ?? null;
}

/**
 * Works on the queued imports until they are done or `budgetMs` has passed. Several
 * instances may run it at once: each chunk is taken under the import's row lock.
 */
export async function processImports(db: Db, options: { now?: () => Date; budgetMs?: number } = {}): Promise<{ chunks: number; failed: number }> {
  const clock = options.now ?? (() => new Date());
  const deadline = Date.now() + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  const busyOrDone: string[] = [];
  let chunks = 0;
  let failed = 0;
  while (Date.now() < deadline) {
    const importId = await nextImportId(db, busyOrDone);
    if (!importId) break;
    try {
      const more = await applyChunk(db, importId, clock());
      chunks += 1;
      if (!more) busyOrDone.push(importId);
    } catch (error) {
      // A database restart is no failure of the import: the chunk under way rolled back, and
      // the next tick of any instance continues from processedRows (marking it FAILED would
      // wait for someone to press "Reprendre", and the write would fail anyway).
      if (isDatabaseUnavailableError(error)) throw error;
      failed += 1;
      busyOrDone.push(importId);
      const current = await db.import.findUnique({ where: { id: importId }, select: { processedRows: true, totalRows: true } });
      await db.import.updateMany({
        where: { id: importId, status: { in: ["QUEUED", "RUNNING"] } },
        data: {
          status: "FAILED",
          finishedAt: clock(),
          errorMessage:
            `L'import s'est interrompu : ${current?.processedRows ?? 0} lignes sur ${current?.totalRows ?? 0} sont appliquées, les suivantes ne le sont pas. ` +
            `Vous pouvez le reprendre là où il s'est arrêté. (${String(error instanceof Error ? error.message : error).slice(0, 300)})`,
        },
      });
    }
  }
  return { chunks, failed };
}
