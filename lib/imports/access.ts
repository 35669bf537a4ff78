// Who may import into which organisation (BULK-1, SEC-1): an administrator or an accepted
// deputy (DEP-1) into their own organisation only (taken from the session, whatever the request says), an operator into
// any existing organisation; anybody else is refused.
import "server-only";
import { forbidden, notFound } from "next/navigation";
import { isOrganisationManager, requireViewer } from "../auth/guards";
import type { Viewer } from "../auth/viewer";
import { db, type Db } from "../db";

export interface ImportScope {
  /** The signed-in person, who is also the operations' Actor. */
  viewer: Viewer;
  organisationId: string;
  organisationName: string;
  /** How the name takes its article (lib/french/names.ts). */
  organisationTypeLiaison?: number;
  /** Where this console's import pages live. */
  basePath: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The viewer's import scope, or why there is none; for callers that answer without throwing (the upload route). */
export async function importScopeOf(db: Db, viewer: Viewer, requestedOrganisationId?: string | null): Promise<ImportScope | "forbidden" | "not_found"> {
  if (isOrganisationManager(viewer)) {
    if (requestedOrganisationId && requestedOrganisationId !== viewer.organisationId) return "forbidden";
    return { viewer, organisationId: viewer.organisationId, organisationName: viewer.organisationName ?? "", organisationTypeLiaison: viewer.organisationTypeLiaison ?? 0, basePath: "/administration/imports" };
  }
  if (viewer.role === "OPERATOR") {
    const parsed = requestedOrganisationId && UUID.test(requestedOrganisationId) ? requestedOrganisationId : null;
    const organisation = parsed ? await db.organisation.findUnique({ where: { id: parsed }, select: { id: true, name: true, typeLiaison: true } }) : null;
    if (!organisation) return "not_found";
    return { viewer, organisationId: organisation.id, organisationName: organisation.name, organisationTypeLiaison: organisation.typeLiaison, basePath: `/operateur/organisations/${organisation.id}/imports` };
  }
  return "forbidden";
}

/** The same for pages and actions: the 403 or 404 page when there is no scope. */
export async function resolveImportScope(db: Db, viewer: Viewer, requestedOrganisationId?: string | null): Promise<ImportScope> {
  const scope = await importScopeOf(db, viewer, requestedOrganisationId);
  if (scope === "forbidden") forbidden();
  if (scope === "not_found") notFound();
  return scope;
}

export async function requireImportScope(requestedOrganisationId?: string | null, returnTo = "/administration/imports"): Promise<ImportScope> {
  return resolveImportScope(db, await requireViewer(returnTo), requestedOrganisationId);
}

/** For the import's own routes: the scope of the organisation the import belongs to, if the viewer may see it. */
export async function requireImportAccess(importId: string, returnTo: string): Promise<ImportScope & { importId: string }> {
  const viewer = await requireViewer(returnTo);
  if (viewer.role !== "OPERATOR" && !isOrganisationManager(viewer)) forbidden();
  const found = UUID.test(importId) ? await db.import.findUnique({ where: { id: importId }, select: { id: true, organisationId: true } }) : null;
  if (!found) notFound();
  // An administrator asking for another organisation's import is refused like any other.
  const scope = await resolveImportScope(db, viewer, found.organisationId);
  return { ...scope, importId: found.id };
}
