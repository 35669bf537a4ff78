// What a server action (or a route handler) knows of its request: the signed-in viewer (checked against the
// database, lib/auth/viewer.ts) and where it comes from. Integration tests replace this one
// module (lib/testing/action-request.ts) to act as a given person from a given address.
import "server-only";
import { currentViewer, type Viewer } from "../auth/viewer";
import type { OperationContext } from "../operation";
import { clientAddress, userAgent } from "../request-context";

export interface ActionRequest {
  viewer: Viewer | null;
  context: OperationContext & { ipAddress: string; now: Date };
}

export async function currentRequest(): Promise<ActionRequest> {
  const [viewer, ipAddress, agent] = await Promise.all([currentViewer(), clientAddress(), userAgent()]);
  return { viewer, context: { ipAddress, userAgent: agent, now: new Date() } };
}
