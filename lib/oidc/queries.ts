// Read models of the OpenID Connect pages, scoped by what the session proved (ARCHITECTURE
// "Layout"; lib/architecture.test.ts): the interaction page reads for the signed-in viewer,
// the catalogue page for an operator.
import "server-only";
import type { OperatorViewer } from "../auth/guards";
import type { Viewer } from "../auth/viewer";
import { db } from "../db";
import { oidcClientOfEService } from "./clients";
import { interactionView } from "./interactions";
import { signingKeysSummary } from "./keys";

/** The authorization request `uid` as the signed-in viewer sees it (ADM-4 decided for their account). */
export function interactionForViewer(viewer: Viewer, uid: string) {
  return interactionView(db, viewer, uid);
}

/** An e-service's OpenID Connect registration, for the operator's catalogue page (never the secret). */
export function oidcClientForOperator(_operator: OperatorViewer, eServiceId: string) {
  return oidcClientOfEService(db, eServiceId);
}

/** The provider's signing keys, for the operator's catalogue page (SSO-1: rotation). */
export function signingKeysForOperator(_operator: OperatorViewer) {
  return signingKeysSummary(db);
}
