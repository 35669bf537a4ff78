// Server-side authorization for pages, route handlers and actions (SEC-1): every console
// page and every action goes through `authorize`, whatever the interface shows or hides.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { HOME_PATH } from "./home-path";
import { currentViewer, type Viewer } from "./viewer";

export type OperatorViewer = Viewer & { role: "OPERATOR" };
export type AdministratorViewer = Viewer & { role: "ADMINISTRATOR"; organisationId: string; organisationName: string };
/** An accepted deputy administrator (DEP-1): a user's role, the console's powers. */
export type DeputyViewer = Viewer & { role: "USER"; organisationId: string; organisationName: string; isDeputy: true };
/** Whoever runs the organisation's console: the administrator or an accepted deputy (DEP-1). */
export type OrganisationManagerViewer = AdministratorViewer | DeputyViewer;

/**
 * Who may call: anybody, a signed-in account, the administrator of an organisation, an
 * operator; "enrolment" is a signed-in account even while it must first add a second factor
 * (the security page and its actions: the only door open to it, MFA-3). "organisationManager"
 * is the administrator or an accepted deputy (DEP-1): accounts, permissions, imports,
 * invitations and the journal. "administrator" alone keeps what commits the organisation
 * (subscriptions and their terms) and the choice of deputies.
 */
export type GuardName = "anonymous" | "enrolment" | "account" | "administrator" | "organisationManager" | "operator";

/** Where an account that must add a second factor is sent, whatever it asked for. */
export const ENROLMENT_PATH = "/espace/securite?obligatoire=1";

export type ViewerOf<G extends GuardName> = G extends "anonymous"
  ? Viewer | null
  : G extends "administrator"
    ? AdministratorViewer
    : G extends "organisationManager"
      ? OrganisationManagerViewer
      : G extends "operator"
        ? OperatorViewer
        : Viewer;

/**
 * The viewer if the guard lets them through. Nobody signed in goes to the login page (and
 * comes back to `returnTo`); a signed-in account without the role gets the 403 page.
 */
export function authorize<G extends GuardName>(guard: G, viewer: Viewer | null, returnTo = HOME_PATH): ViewerOf<G> {
  if (guard === "anonymous") return viewer as ViewerOf<G>;
  if (!viewer) redirect(`/connexion?callbackUrl=${encodeURIComponent(returnTo)}`);
  // MFA-3: an account that must have a second factor and has none reaches nothing else.
  if (guard !== "enrolment" && viewer.secondFactor.required) redirect(ENROLMENT_PATH);
  if (guard === "administrator" && (viewer.role !== "ADMINISTRATOR" || !viewer.organisationId)) forbidden();
  if (guard === "organisationManager" && !isOrganisationManager(viewer)) forbidden();
  if (guard === "operator" && viewer.role !== "OPERATOR") forbidden();
  return viewer as ViewerOf<G>;
}

/** The administrator of the viewer's organisation, or an accepted deputy of it (DEP-1). */
export function isOrganisationManager(viewer: Viewer): viewer is OrganisationManagerViewer {
  if (!viewer.organisationId) return false;
  return viewer.role === "ADMINISTRATOR" || (viewer.role === "USER" && viewer.isDeputy);
}

/** A signed-in account; otherwise, to the login page. */
export async function requireViewer(returnTo = HOME_PATH): Promise<Viewer> {
  return authorize("account", await currentViewer(), returnTo);
}

/** An operator of the portal; anybody else gets the 403 page. */
export async function requireOperator(returnTo = "/operateur"): Promise<OperatorViewer> {
  return authorize("operator", await currentViewer(), returnTo);
}

/** The administrator of an organisation, scoped to it; anybody else gets the 403 page. */
export async function requireAdministrator(returnTo = "/administration"): Promise<AdministratorViewer> {
  return authorize("administrator", await currentViewer(), returnTo);
}

/** The administrator or an accepted deputy, scoped to the organisation; anybody else gets the 403 page (DEP-1). */
export async function requireOrganisationManager(returnTo = "/administration"): Promise<OrganisationManagerViewer> {
  return authorize("organisationManager", await currentViewer(), returnTo);
}

/** A signed-in account, even one that must first add a second factor (the security page, MFA-3). */
export async function requireEnrolment(returnTo = "/espace/securite"): Promise<Viewer> {
  return authorize("enrolment", await currentViewer(), returnTo);
}
