// Changes the current browser session after an operation that touches it: the password
// changed (this session goes on, every other one ended), or the person moved to another of
// their accounts (ORG-5).
import "server-only";
import type { Viewer } from "./viewer";
import { updateSession } from "./auth";
import { signSessionTicket, type SessionTicket } from "./session-ticket";
import { unlockKey } from "../accounts/switch-account";

/** Keeps this session on the account's new sessionVersion, with its password given again. */
export async function keepSessionAfterPasswordChange(viewer: Viewer, sessionVersion: number): Promise<void> {
  const unlocked = viewer.unlockedAccountIds.filter((key) => !key.startsWith(`${viewer.accountId}:`));
  await continueSessionAs({
    accountId: viewer.accountId,
    sessionVersion,
    unlockedAccountIds: [...unlocked, unlockKey(viewer.accountId, sessionVersion)],
  });
}

/** Moves this browser session to another account of the same person. */
export async function continueSessionAs(ticket: Omit<SessionTicket, "expiresAt">): Promise<void> {
  await updateSession({ ticket: signSessionTicket(ticket) } as never);
}
