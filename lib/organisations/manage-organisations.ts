// Operators create and edit the organisations of the directory (ORG-4), including the postal
// address letters are sent to (a letter only ever goes to the address held here). Each
// change and its audit event (ADM-5) are written in one transaction.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import { Prisma, type Organisation } from "../generated/prisma/client";
import { refreshQueuedLetters } from "../letters/queue";
import { departmentOfInsee, inseeCodeOf } from "./organisation-codes";
import { checkOrganisation, ORGANISATION_FIELD_LABELS, type OrganisationField, type OrganisationInput } from "./schemas";
import { UserError, type Actor, type OperationContext } from "../operation";

type FieldValue = string | number | string[] | null;
export type OrganisationChanges = Partial<Record<OrganisationField, { from: FieldValue; to: FieldValue }>>;

const FIELDS = Object.keys(ORGANISATION_FIELD_LABELS) as OrganisationField[];

function assertOperator(actor: Actor) {
  // Authorization belongs to the callers (requireOperator); this only stops a wrong wiring.
  if (actor.role !== "OPERATOR") throw new Error(`organisations are managed by operators, not ${actor.role}`);
}

/** The service never trusts its caller: the same rules as the form, once more. */
function checked(input: OrganisationInput): OrganisationInput {
  const result = checkOrganisation({ ...input, postalCodes: input.postalCodes.join(" ") });
  if (!result.ok) throw new UserError(result.problems[0].message, result.problems[0].field);
  return result.input;
}

function duplicateCode(code: string, holder: { name: string }) {
  return new UserError(`Le code ${code} est déjà celui de l'organisation « ${holder.name} » : chaque code est unique.`, "code");
}

async function ensureCodeFree(db: Db | Prisma.TransactionClient, code: string, exceptId?: string) {
  const holder = await db.organisation.findUnique({ where: { code }, select: { id: true, name: true } });
  if (holder && holder.id !== exceptId) throw duplicateCode(code, holder);
}

/** Two operators saving the same code at once: the unique index decides, the form explains. */
async function withUniqueCode<T>(db: Db, code: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const holder = await db.organisation.findUnique({ where: { code }, select: { name: true } });
      throw duplicateCode(code, holder ?? { name: "une autre organisation" });
    }
    throw error;
  }
}

function valuesOf(organisation: Pick<Organisation, OrganisationField>): Record<OrganisationField, FieldValue> {
  return Object.fromEntries(FIELDS.map((field) => [field, organisation[field]])) as Record<OrganisationField, FieldValue>;
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.join(" ") === b.join(" ") : a === b;
}

export async function createOrganisation(
  db: Db,
  actor: Actor,
  rawInput: OrganisationInput,
  context: OperationContext = {},
): Promise<Organisation> {
  assertOperator(actor);
  const input = checked(rawInput);
  await ensureCodeFree(db, input.code);
  const insee = inseeCodeOf(input.kind, input.code);
  return withUniqueCode(db, input.code, () =>
    db.$transaction(async (tx) => {
      const organisation = await tx.organisation.create({
        data: { ...input, inseeCode: insee, departmentCode: insee ? departmentOfInsee(insee) : null, directoryManaged: false },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "organisation.created",
        organisationId: organisation.id,
        target: { type: "organisation", id: organisation.id, label: organisation.name },
        details: { values: valuesOf(organisation) },
        ipAddress: context.ipAddress,
        at: context.now,
      });
      return organisation;
    }),
  );
}

export type UpdateOutcome = { organisation: Organisation; changes: OrganisationChanges };

/** Saves what changed; nothing changed means nothing written, not even an audit event. */
export async function updateOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  rawInput: OrganisationInput,
  context: OperationContext = {},
): Promise<UpdateOutcome> {
  assertOperator(actor);
  const input = checked(rawInput);
  const current = await db.organisation.findUnique({ where: { id } });
  if (!current) throw new UserError("Cette organisation n'existe pas ou plus : revenez à la liste des organisations.");
  if (input.code !== current.code) await ensureCodeFree(db, input.code, current.id);

  const before = valuesOf(current);
  const changes: OrganisationChanges = {};
  for (const field of FIELDS) {
    if (!sameValue(before[field], input[field])) changes[field] = { from: before[field], to: input[field] };
  }
  if (!Object.keys(changes).length) return { organisation: current, changes };

  const insee = inseeCodeOf(input.kind, input.code);
  // A commune's department follows its INSEE code; other kinds keep theirs unless they were a commune.
  const departmentCode = insee ? departmentOfInsee(insee) : current.kind === "COMMUNE" ? null : current.departmentCode;
  return withUniqueCode(db, input.code, () =>
    db.$transaction(async (tx) => {
      const organisation = await tx.organisation.update({
        where: { id: current.id },
        data: { ...input, inseeCode: insee, departmentCode, directoryManaged: false },
      });
      // The letters waiting to be printed go to the address as corrected (issue 16 item 3).
      await refreshQueuedLetters(tx, organisation);
      await recordAuditEvent(tx, {
        actor,
        action: "organisation.updated",
        organisationId: organisation.id,
        target: { type: "organisation", id: organisation.id, label: organisation.name },
        details: { changes },
        ipAddress: context.ipAddress,
        at: context.now,
      });
      return { organisation, changes };
    }),
  );
}
