import { encode, type JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { switchAccount, unlockKey } from "../accounts/switch-account";
import { db } from "../db";
import { purgeAuthSessions } from "../jobs/maintenance";
import { session } from "../testing/actions";
import { createAccount, TEST_PASSWORD } from "../testing/factories";
import { LAST_SEEN_REFRESH_MS, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, startAuthSession } from "./auth-sessions";
import { sessionCallbacks, sessionEvents } from "./session-callbacks";
import { sessionCookieFor } from "./session-cookie";
import { signSessionTicket } from "./session-ticket";

// The browser's cookie: what every request of that browser presents (read by the viewer as Auth.js wrote it).
const browser = vi.hoisted(() => ({ cookie: "" }));
const authCalls = vi.hoisted(() => ({ signOut: vi.fn(), updateSession: vi.fn() }));
vi.mock("./auth", () => ({ ...authCalls }));
const REQUEST_HEADERS = { "x-forwarded-for": "192.0.2.77", "user-agent": "vitest" };
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ ...REQUEST_HEADERS, ...(browser.cookie ? { cookie: browser.cookie } : {}) }),
}));
const { currentViewer } = await import("./viewer");
const { signOutEverywhereAction } = await import("../accounts/actions");

beforeEach(() => {
  browser.cookie = "";
  Object.values(authCalls).forEach((mock) => mock.mockReset());
});

type Account = Awaited<ReturnType<typeof createAccount>>;

/** What Auth.js does on a successful login (lib/auth/auth.ts authorize, then the jwt callback). */
async function signIn(account: Account, now?: Date): Promise<JWT> {
  const row = await startAuthSession(db, { accountId: account.id, ipAddress: "192.0.2.1", userAgent: "vitest" }, now);
  const user = { id: account.id, sessionVersion: account.sessionVersion, authSessionId: row.id };
  return sessionCallbacks.jwt({ token: {}, user, account: null } as never) as JWT;
}

/** The session cookie Auth.js writes for a token: what every request of that browser presents. */
async function present(token: JWT): Promise<void> {
  browser.cookie = await cookieOf(token);
}

/** The cookie, named as Auth.js names it for this request, encrypted by Auth.js's own encode. */
async function cookieOf(token: JWT, name = sessionCookieFor(new Headers(REQUEST_HEADERS)).name): Promise<string> {
  return `${name}=${await encode({ token, secret: process.env.AUTH_SECRET!, salt: name, maxAge: 3_600 })}`;
}

async function viewerWith(token: JWT) {
  await present(token);
  return currentViewer();
}

describe("SEC-3 ACC-10 a session is checked against the database on every request", () => {
  it("reads the cookie Auth.js would read on this request, whole or in chunks, and nothing else", async () => {
    const account = await createAccount();
    const token = await signIn(account);
    browser.cookie = "autre=1; authjs.csrf-token=x";
    expect(await currentViewer()).toBeNull();
    const cookie = await cookieOf(token);
    const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
    browser.cookie = `${name}.0=${value.slice(0, 150)}; ${name}.1=${value.slice(150)}`;
    expect(await currentViewer()).toMatchObject({ accountId: account.id });
    // The other form's name (http vs https) is not the one Auth.js reads here.
    const other = name.startsWith("__Secure-") ? name.slice("__Secure-".length) : `__Secure-${name}`;
    browser.cookie = await cookieOf(token, other);
    expect(await currentViewer()).toBeNull();
  });

  it("recognises a valid session", async () => {
    const account = await createAccount();
    const token = await signIn(account);
    expect(await viewerWith(token)).toMatchObject({ accountId: account.id, identifier: account.identifier, role: "USER", unlockedAccountIds: [`${account.id}:0`] });
  });

  it("ends sessions once sessionVersion moves on (password change or reset, role change) and on deactivation", async () => {
    const account = await createAccount();
    const token = await signIn(account);
    await db.account.update({ where: { id: account.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await viewerWith(token)).toBeNull();

    const deactivated = await createAccount();
    const other = await signIn(deactivated);
    await db.account.update({ where: { id: deactivated.id }, data: { status: "DEACTIVATED", deactivationReason: "INVALIDATED" } });
    expect(await viewerWith(other)).toBeNull();
  });

  it("ignores a session without an account, or naming an account that does not exist", async () => {
    expect(await currentViewer()).toBeNull();
    await present({});
    expect(await currentViewer()).toBeNull();
    const account = await createAccount();
    const token = await signIn(account);
    expect(await viewerWith({ ...token, accountId: "0190f3a4-0000-7000-8000-000000000000" })).toBeNull();
  });
});

describe("SEC-7 each sign-in is a session row the server can end", () => {
  it("a token whose session row has ended is no viewer, and a token from before session rows is none either", async () => {
    const account = await createAccount();
    const token = await signIn(account);
    expect(await viewerWith(token)).not.toBeNull();
    await db.authSession.update({ where: { id: token.authSessionId as string }, data: { endedAt: new Date() } });
    expect(await viewerWith(token)).toBeNull();
    // A token of the previous release: account and version right, but no sign-in row.
    expect(await viewerWith({ accountId: account.id, sessionVersion: 0, unlockedAccountIds: [] })).toBeNull();
  });

  it("after logout, a copy of the same token is refused; the account's other sign-ins go on", async () => {
    const account = await createAccount();
    const token = await signIn(account);
    const elsewhere = await signIn(account);
    const copied = structuredClone(token);

    await sessionEvents.signOut({ token });
    expect(await viewerWith(copied)).toBeNull();
    expect(await viewerWith(elsewhere)).toMatchObject({ accountId: account.id });
    expect(await db.authSession.findUniqueOrThrow({ where: { id: token.authSessionId as string } })).toMatchObject({ endReason: "LOGOUT" });
  });

  it("refuses a session past its absolute lifetime even when it was just used, and one idle for too long", async () => {
    const account = await createAccount();
    const started = new Date(Date.now() - SESSION_ABSOLUTE_MS - 60_000);
    const old = await signIn(account, started);
    // In use a moment ago: idle-fresh.
    await db.authSession.update({ where: { id: old.authSessionId as string }, data: { lastSeenAt: new Date() } });
    expect(await viewerWith(old)).toBeNull();

    const idle = await signIn(account, new Date(Date.now() - SESSION_IDLE_MS - 60_000));
    expect(await viewerWith(idle)).toBeNull();
  });

  it("using the portal or refreshing the token never moves the absolute end", async () => {
    const account = await createAccount();
    const token = await signIn(account, new Date(Date.now() - 60 * 60_000));
    const id = token.authSessionId as string;
    const before = await db.authSession.findUniqueOrThrow({ where: { id } });
    // What GET /api/auth/session does: the jwt callback again, without a user.
    const refreshed = (await sessionCallbacks.jwt({ token: { ...token }, account: null } as never)) as JWT;
    expect(refreshed.authSessionId).toBe(id);
    expect(await viewerWith(refreshed)).not.toBeNull();
    const after = await db.authSession.findUniqueOrThrow({ where: { id } });
    expect(after.expiresAt).toEqual(before.expiresAt);
    expect(after.expiresAt.getTime() - after.createdAt.getTime()).toBe(SESSION_ABSOLUTE_MS);
  });

  it("records activity at most once every few minutes, not on every request", async () => {
    const account = await createAccount();
    const token = await signIn(account);
    const id = token.authSessionId as string;
    const first = (await db.authSession.findUniqueOrThrow({ where: { id } })).lastSeenAt;
    await viewerWith(token);
    await viewerWith(token);
    expect((await db.authSession.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(first);

    const stale = new Date(Date.now() - LAST_SEEN_REFRESH_MS - 1_000);
    await db.authSession.update({ where: { id }, data: { lastSeenAt: stale } });
    await viewerWith(token);
    expect((await db.authSession.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime()).toBeGreaterThan(stale.getTime());
  });

  it("\"Se déconnecter partout\" ends every session of the account, audited, and locks it out of other browsers' switchers", async () => {
    const email = `partout.${Date.now()}@test.example`;
    const account = await createAccount({ email });
    const other = await createAccount({ email });
    const here = await signIn(account);
    const laptop = await signIn(account);
    // A third browser, signed in as the other account, has already unlocked this one.
    const shared = await signIn(other);
    const bystander = await signIn(await createAccount());

    // The action runs for the viewer that this browser's token proves (lib/testing/action-request.ts).
    session.viewer = await viewerWith(here);
    session.ip = "192.0.2.77";
    await signOutEverywhereAction({ status: "idle" }, new FormData());
    expect(authCalls.signOut).toHaveBeenCalledWith({ redirectTo: "/connexion?info=deconnecte-partout" });

    expect(await viewerWith(here)).toBeNull();
    expect(await viewerWith(laptop)).toBeNull();
    expect(await viewerWith(bystander)).not.toBeNull();
    expect(await db.authSession.count({ where: { accountId: account.id, endedAt: null } })).toBe(0);
    expect(await db.auditEvent.findFirst({ where: { action: "account.signed_out_everywhere", targetId: account.id } })).toMatchObject({
      actorId: account.id,
      ipAddress: "192.0.2.77",
      details: { endedSessions: 2 },
    });

    // The unlock key of the shared browser names the old version: the password is asked again.
    const sharedViewer = await viewerWith(shared);
    expect(sharedViewer).not.toBeNull();
    await expect(
      switchAccount(db, { ...sharedViewer!, unlockedAccountIds: [...sharedViewer!.unlockedAccountIds, unlockKey(account.id, 0)] }, { targetAccountId: account.id }, { ipAddress: "192.0.2.3" }),
    ).rejects.toMatchObject({ field: "password" });
  });
});

describe("SEC-7 ORG-5 switching account is a new sign-in of the target account", () => {
  it("moves the token to a new row; the row left behind ends; without a password the absolute end is kept", async () => {
    const email = `bascule.${Date.now()}@test.example`;
    const mine = await createAccount({ email });
    const other = await createAccount({ email });
    const token = await signIn(mine);
    const copied = structuredClone(token);
    const viewer = (await viewerWith(token))!;

    const next = await switchAccount(db, viewer, { targetAccountId: other.id, password: TEST_PASSWORD }, { ipAddress: "192.0.2.4" });
    // What switchAccountAction hands to Auth.js's update trigger.
    const switched = (await sessionCallbacks.jwt({ token, trigger: "update", session: { ticket: signSessionTicket(next) }, account: null } as never)) as JWT;
    expect(switched.authSessionId).toBe(next.authSessionId);
    expect(switched.authSessionId).not.toBe(copied.authSessionId);
    expect(await viewerWith(switched)).toMatchObject({ accountId: other.id });
    expect(await viewerWith(copied)).toBeNull();
    expect(await db.authSession.findUniqueOrThrow({ where: { id: copied.authSessionId as string } })).toMatchObject({ endReason: "SWITCHED_ACCOUNT" });

    // Back without a password (unlocked in this browser): the new row ends when this browser's sign-in does.
    const onOther = (await viewerWith(switched))!;
    const back = await switchAccount(db, onOther, { targetAccountId: mine.id }, { ipAddress: "192.0.2.4" });
    const row = await db.authSession.findUniqueOrThrow({ where: { id: back.authSessionId } });
    expect(row).toMatchObject({ accountId: mine.id, endedAt: null });
    expect(row.expiresAt).toEqual(onOther.sessionExpiresAt);
  });

  it("a password change keeps this sign-in (the ticket names no new row)", async () => {
    const account = await createAccount();
    const token = await signIn(account);
    await db.account.update({ where: { id: account.id }, data: { sessionVersion: 1 } });
    const ticket = signSessionTicket({ accountId: account.id, sessionVersion: 1, unlockedAccountIds: [unlockKey(account.id, 1)] });
    const kept = (await sessionCallbacks.jwt({ token, trigger: "update", session: { ticket }, account: null } as never)) as JWT;
    expect(kept.authSessionId).toBe(token.authSessionId);
    expect(await viewerWith(kept)).toMatchObject({ accountId: account.id, sessionVersion: 1 });
  });
});

describe("SEC-7 sign-in rows do not pile up", () => {
  it("the daily purge deletes rows a day past their absolute end, and only those", async () => {
    const account = await createAccount();
    const now = new Date();
    const gone = await startAuthSession(db, { accountId: account.id }, new Date(now.getTime() - SESSION_ABSOLUTE_MS - 86_400_000 - 60_000));
    const recent = await startAuthSession(db, { accountId: account.id }, new Date(now.getTime() - SESSION_ABSOLUTE_MS - 60_000));
    await purgeAuthSessions.run({ db, now, periodKey: "test" });
    expect(await db.authSession.findUnique({ where: { id: gone.id } })).toBeNull();
    expect(await db.authSession.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});

describe("DEP-1 the session says, on every request, whether the account is an accepted deputy", () => {
  it("a pending designation is not the role; an accepted one is, until it is removed", async () => {
    const administrator = await createAccount({ role: "ADMINISTRATOR" });
    const account = await createAccount({ organisationId: administrator.organisationId });
    const token = await signIn(account);
    expect(await viewerWith(token)).toMatchObject({ isDeputy: false });
    const deputy = await db.deputy.create({ data: { organisationId: account.organisationId!, accountId: account.id, designatedById: administrator.id } });
    expect(await viewerWith(token)).toMatchObject({ isDeputy: false });
    await db.deputy.update({ where: { id: deputy.id }, data: { status: "ACCEPTED", acceptedAt: new Date() } });
    expect(await viewerWith(token)).toMatchObject({ isDeputy: true });
    await db.deputy.delete({ where: { id: deputy.id } });
    expect(await viewerWith(token)).toMatchObject({ isDeputy: false });
  });
});
