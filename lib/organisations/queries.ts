// Read models of the organisation directory. Operators see the whole directory (ORG-4):
// those queries take the OperatorActor the session proved. The public search (ACC-1's
// organisation field) answers anybody.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { OrganisationKind } from "../generated/prisma/enums";
import type { OperatorActor } from "../operation";
import { departmentLabel } from "./departments";
import { searchOrganisations } from "./search-organisations";

export const ORGANISATIONS_PER_PAGE = 20;
/** searchOrganisations answers 50 rows at most: beyond, the operator refines the search. */
export const SEARCH_RESULTS_MAX = 50;

export interface OrganisationRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  code: string;
  postalCodes: string[];
}

export interface OrganisationPage {
  rows: OrganisationRow[];
  page: number;
  pageCount: number;
  /** Rows matching (the whole directory without a query). */
  total: number;
  /** The search found more rows than it shows. */
  truncated: boolean;
}

/** A page number from the URL: a positive integer, 1 otherwise. */
export function pageNumber(raw: unknown): number {
  const page = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(page) && page >= 1 ? Math.min(page, 100_000) : 1;
}

export async function listOrganisationsForOperator(_operator: OperatorActor, options: { query?: string | null; page?: number }): Promise<OrganisationPage> {
  const query = options.query?.trim() ?? "";
  const requested = Math.max(1, Math.floor(options.page ?? 1));

  if (query) {
    const hits = await searchOrganisations(db, query, SEARCH_RESULTS_MAX);
    const pageCount = Math.max(1, Math.ceil(hits.length / ORGANISATIONS_PER_PAGE));
    const page = Math.min(requested, pageCount);
    const rows = hits
      .slice((page - 1) * ORGANISATIONS_PER_PAGE, page * ORGANISATIONS_PER_PAGE)
      .map(({ id, name, kind, code, postalCodes }) => ({ id, name, kind, code, postalCodes }));
    return { rows, page, pageCount, total: hits.length, truncated: hits.length >= SEARCH_RESULTS_MAX };
  }

  const total = await db.organisation.count();
  const pageCount = Math.max(1, Math.ceil(total / ORGANISATIONS_PER_PAGE));
  const page = Math.min(requested, pageCount);
  const rows = await db.organisation.findMany({
    select: { id: true, name: true, kind: true, code: true, postalCodes: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * ORGANISATIONS_PER_PAGE,
    take: ORGANISATIONS_PER_PAGE,
  });
  return { rows, page, pageCount, total, truncated: false };
}

export const RECENT_EVENTS = 10;

/** One organisation with its latest audit events, or null for an unknown or malformed id. */
export async function getOrganisationForOperator(_operator: OperatorActor, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const organisation = await db.organisation.findUnique({ where: { id } });
  if (!organisation) return null;
  const events = await db.auditEvent.findMany({
    where: { organisationId: organisation.id },
    select: { id: true, createdAt: true, actorLabel: true, actorRole: true, action: true, targetType: true, targetLabel: true, details: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT_EVENTS,
  });
  return { organisation, events };
}

export type OrganisationDetail = NonNullable<Awaited<ReturnType<typeof getOrganisationForOperator>>>;

/** The names of these organisations, by id (the operator's journal names each event's organisation). */
export async function organisationNames(_operator: OperatorActor, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.organisation.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(rows.map((organisation) => [organisation.id, organisation.name]));
}

/** How many organisations the directory holds (the operator's console home). */
export function countOrganisations(_operator: OperatorActor): Promise<number> {
  return db.organisation.count();
}

export interface DirectoryOption {
  id: string;
  name: string;
  kind: OrganisationKind;
  code: string;
  postalCodes: string[];
  siren: string | null;
  /** "Haute-Savoie (74)". */
  department: string | null;
  /** The former name (commune déléguée…) the query matched: "Annecy — dont Annecy-le-Vieux". */
  formerName: string | null;
  /** False: registration says so and offers the administrator role (issue 16 item 4). */
  hasAdministrator: boolean;
}

/**
 * The directory search behind the organisation combobox (ORG-2): public, it lists only the
 * open directory, and only what can register (issue 16 item 8).
 */
export async function searchDirectory(query: string, limit: number): Promise<DirectoryOption[]> {
  const hits = await searchOrganisations(db, query, limit, { listedOnly: true });
  return hits.map((hit) => ({
    id: hit.id,
    name: hit.name,
    kind: hit.kind,
    code: hit.code,
    postalCodes: hit.postalCodes,
    siren: hit.siren,
    department: departmentLabel(hit.departmentCode),
    formerName: hit.formerName,
    hasAdministrator: hit.hasAdministrator,
  }));
}
