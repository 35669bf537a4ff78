// Operators create and edit the e-services of the catalogue. Each change and its audit
// event (ADM-5) are written in one transaction. Deactivating an e-service keeps its
// subscriptions and permissions: the catalogue and /e-services only show active ones.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { clientIdsOfEServices, endOidcLogins } from "../oidc/logout";
import type { Db } from "../db";
import { Prisma, type EService } from "../generated/prisma/client";
import { E_SERVICE_FIELD_LABELS, eServiceSchema, type EServiceField, type EServiceInput } from "./schemas";
import { UserError, type Actor, type OperationContext } from "../operation";

type FieldValue = string | boolean;
export type EServiceChanges = Partial<Record<EServiceField, { from: FieldValue; to: FieldValue }>>;

const FIELDS = Object.keys(E_SERVICE_FIELD_LABELS) as EServiceField[];

function assertOperator(actor: Actor) {
  // Authorization belongs to the callers (requireOperator); this only stops a wrong wiring.
  if (actor.role !== "OPERATOR") throw new Error(`the catalogue is managed by operators, not ${actor.role}`);
}

/** The service never trusts its caller: the same rules as the form, once more. */
function checked(input: EServiceInput): EServiceInput {
  const result = eServiceSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UserError(issue.message, issue.path[0] as EServiceField | undefined);
  }
  return result.data;
}

function duplicateSlug(slug: string, holder: { name: string }) {
  return new UserError(
    `L'identifiant « ${slug} » est déjà celui de l'e-service « ${holder.name} » : chaque identifiant est unique.`,
    "slug",
  );
}

async function ensureSlugFree(db: Db, slug: string, exceptId?: string) {
  const holder = await db.eService.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (holder && holder.id !== exceptId) throw duplicateSlug(slug, holder);
}

/** Two operators saving the same slug at once: the unique index decides, the form explains. */
async function withUniqueSlug<T>(db: Db, slug: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const holder = await db.eService.findUnique({ where: { slug }, select: { name: true } });
      throw duplicateSlug(slug, holder ?? { name: "un autre e-service" });
    }
    throw error;
  }
}

function valuesOf(eService: Pick<EService, EServiceField>): Record<EServiceField, FieldValue> {
  return Object.fromEntries(FIELDS.map((field) => [field, eService[field]])) as Record<EServiceField, FieldValue>;
}

export async function createEService(db: Db, actor: Actor, rawInput: EServiceInput, context: OperationContext = {}): Promise<EService> {
  assertOperator(actor);
  const input = checked(rawInput);
  await ensureSlugFree(db, input.slug);
  return withUniqueSlug(db, input.slug, () =>
    db.$transaction(async (tx) => {
      const eService = await tx.eService.create({ data: input });
      await recordAuditEvent(tx, {
        actor,
        action: "e_service.created",
        target: { type: "e_service", id: eService.id, label: eService.name },
        details: { values: valuesOf(eService) },
        ipAddress: context.ipAddress,
        at: context.now,
      });
      return eService;
    }),
  );
}

export type UpdateOutcome = { eService: EService; changes: EServiceChanges };

/** Saves what changed; nothing changed means nothing written, not even an audit event. */
export async function updateEService(
  db: Db,
  actor: Actor,
  id: string,
  rawInput: EServiceInput,
  context: OperationContext = {},
): Promise<UpdateOutcome> {
  assertOperator(actor);
  const input = checked(rawInput);
  const current = await db.eService.findUnique({ where: { id } });
  if (!current) throw new UserError("Cet e-service n'existe pas ou plus : revenez au catalogue.");
  if (input.slug !== current.slug) await ensureSlugFree(db, input.slug, current.id);

  const before = valuesOf(current);
  const changes: EServiceChanges = {};
  for (const field of FIELDS) {
    if (before[field] !== input[field]) changes[field] = { from: before[field], to: input[field] };
  }
  if (!Object.keys(changes).length) return { eService: current, changes };

  return withUniqueSlug(db, input.slug, () =>
    db.$transaction(async (tx) => {
      const eService = await tx.eService.update({ where: { id: current.id }, data: input });
      // SSO-5: withdrawn from the catalogue, the e-service may no longer be used (ADM-4): the
      // logins it holds end now (grants revoked, logout tokens queued), not at the next hourly check.
      if (current.active && !eService.active) {
        const clientIds = await clientIdsOfEServices(tx, [eService.id]);
        if (clientIds.length) await endOidcLogins(tx, { clientIds }, "e_service_withdrawn", context.now);
      }
      await recordAuditEvent(tx, {
        actor,
        action: "e_service.updated",
        target: { type: "e_service", id: eService.id, label: eService.name },
        details: { changes },
        ipAddress: context.ipAddress,
        at: context.now,
      });
      return { eService, changes };
    }),
  );
}
