// Who may import into which organisation (BULK-1, SEC-1): an administrator into their own
// organisation only (taken from the session, whatever the request says), an operator into
// any existing organisation; anybody else gets the 403 page.
import "server-only";
import { forbidden, notFound } from "next/navigation";
import { accountActor, type AuditActor } from "../audit/record-audit-event";
import { requireViewer, type Viewer } from "../auth/viewer";
import { db } from "../db";

export interface ImportScope {
  viewer: Viewer;
  actor: AuditActor & { id: string };
  organisationId: string;
  organisationName: string;
  /** Where this console's import pages live. */
  basePath: string;
}

/** The viewer's import scope, or why there is none; for callers that answer without throwing (the upload route). */
export async function resolveImportScope(viewer: Viewer, requestedOrganisationId?: string | null): Promise<ImportScope | "forbidden" | "not_found"> {
  const actor = { ...accountActor({ id: viewer.accountId, identifier: viewer.identifier, role: viewer.role }), id: viewer.accountId };
  if (viewer.role === "ADMINISTRATOR" && viewer.organisationId) {
    if (requestedOrganisationId && requestedOrganisationId !== viewer.organisationId) return "forbidden";
    return { viewer, actor, organisationId: viewer.organisationId, organisationName: viewer.organisationName ?? "", basePath: "/administration/imports" };
  }
  if (viewer.role === "OPERATOR") {
    const parsed = requestedOrganisationId && /^[0-9a-f-]{36}$/i.test(requestedOrganisationId) ? requestedOrganisationId : null;
    const organisation = parsed ? await db.organisation.findUnique({ where: { id: parsed }, select: { id: true, name: true } }) : null;
    if (!organisation) return "not_found";
    return { viewer, actor, organisationId: organisation.id, organisationName: organisation.name, basePath: `/operateur/organisations/${organisation.id}/imports` };
  }
  return "forbidden";
}

export async function requireImportScope(requestedOrganisationId?: string | null, returnTo = "/administration/imports"): Promise<ImportScope> {
  const scope = await resolveImportScope(await requireViewer(returnTo), requestedOrganisationId);
  if (scope === "forbidden") forbidden();
  if (scope === "not_found") notFound();
  return scope;
}

/** For the import's own routes: the scope of the organisation the import belongs to, if the viewer may see it. */
export async function requireImportAccess(importId: string, returnTo: string): Promise<ImportScope & { importId: string }> {
  const viewer = await requireViewer(returnTo);
  if (viewer.role !== "OPERATOR" && viewer.role !== "ADMINISTRATOR") forbidden();
  const found = /^[0-9a-f-]{36}$/i.test(importId)
    ? await db.import.findUnique({ where: { id: importId }, select: { id: true, organisationId: true } })
    : null;
  if (!found) notFound();
  // An administrator asking for another organisation's import is refused like any other.
  const scope = await requireImportScope(found.organisationId, returnTo);
  return { ...scope, importId: found.id };
}
