// Reads of the second factors for pages (MFA): the signed-in person's own factors, and what
// the pending sign-in step (proved by its cookie's token) may use.
import "server-only";
import { db } from "../db";
import type { Actor } from "../operation";
import { factorsOf, type AccountFactors } from "./factors";
import { pendingStepFactors } from "./sign-in-step";

export function ownFactors(actor: Actor): Promise<AccountFactors> {
  return factorsOf(db, actor.accountId);
}

export function factorsOfPendingStep(stepToken: string | undefined) {
  return pendingStepFactors(db, stepToken);
}
