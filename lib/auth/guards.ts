// Server-side authorization for pages and actions (SEC-1): every console page and every
// action calls one of these, whatever the interface shows or hides.
import "server-only";
import { forbidden } from "next/navigation";
import { requireViewer, type Viewer } from "./viewer";

export type OperatorViewer = Viewer & { role: "OPERATOR" };
export type AdministratorViewer = Viewer & { role: "ADMINISTRATOR"; organisationId: string; organisationName: string };

/** What an administrator's operation needs of the session: who acts, and on which organisation. */
export type AdministratorActor = Pick<AdministratorViewer, "accountId" | "identifier" | "organisationId">;

/** An operator of the portal; anybody else gets the 403 page. */
export async function requireOperator(returnTo = "/operateur"): Promise<OperatorViewer> {
  const viewer = await requireViewer(returnTo);
  if (viewer.role !== "OPERATOR") forbidden();
  return viewer as OperatorViewer;
}

/** The administrator of an organisation, scoped to it; anybody else gets the 403 page. */
export async function requireAdministrator(returnTo = "/administration"): Promise<AdministratorViewer> {
  const viewer = await requireViewer(returnTo);
  if (viewer.role !== "ADMINISTRATOR" || !viewer.organisationId) forbidden();
  return viewer as AdministratorViewer;
}
