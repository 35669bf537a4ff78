// The login form's sign-in writes Auth.js's session token itself (lib/auth/sign-in-with.ts):
// the token must be the one Auth.js would have issued, in the cookie Auth.js reads back.
import { decode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../db";
import { createAccount, TEST_PASSWORD } from "../testing/factories";

const request = vi.hoisted(() => ({
  headers: {} as Record<string, string>,
  jar: new Map<string, { value: string; options: Record<string, unknown> }>(),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(request.headers),
  cookies: async () => ({
    get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name)!.value } : undefined),
    getAll: () => [...request.jar].map(([name, { value }]) => ({ name, value })),
    set: (name: string, value: string, options: Record<string, unknown> = {}) => request.jar.set(name, { value, options }),
    delete: (name: string) => request.jar.delete(name),
  }),
}));
const { signInWith } = await import("./sign-in-with");

let address = 0;
beforeEach(() => {
  request.headers = { "x-forwarded-for": `198.51.100.${++address}`, "x-forwarded-proto": "http", "user-agent": "vitest" };
  request.jar.clear();
});

/** The redirect Next.js would answer (the test setup's redirect throws its target). */
async function redirectOf(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message.replace(/^NEXT_REDIRECT /, "");
}

describe("SEC-7 ACC-5 signing in from the login form issues Auth.js's own session token", () => {
  it("a right password: the token Auth.js reads back names the account, its version and its sign-in row, for 12 hours", async () => {
    const account = await createAccount();
    expect(await redirectOf(signInWith({ identifier: account.identifier, password: TEST_PASSWORD }, "/e-services?x=1"))).toBe("/e-services?x=1");
    const cookie = request.jar.get("authjs.session-token");
    expect(cookie?.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
    const token = await decode({ token: cookie!.value, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token" });
    const row = await db.authSession.findFirstOrThrow({ where: { accountId: account.id } });
    expect(token).toMatchObject({ sub: account.id, accountId: account.id, sessionVersion: 0, authSessionId: row.id, unlockedAccountIds: [`${account.id}:0`] });
    expect(token!.exp! - token!.iat!).toBe(12 * 60 * 60);
    expect(row.amr).toEqual(["pwd"]);
  });

  it("served over https: the __Secure- cookie, Secure; the chunks of an older token are cleared", async () => {
    request.headers["x-forwarded-proto"] = "https";
    request.jar.set("__Secure-authjs.session-token.0", { value: "ancien", options: {} });
    const account = await createAccount();
    await redirectOf(signInWith({ identifier: account.identifier, password: TEST_PASSWORD }, undefined));
    const cookie = request.jar.get("__Secure-authjs.session-token");
    expect(cookie?.options).toMatchObject({ secure: true, httpOnly: true });
    expect(await decode({ token: cookie!.value, secret: process.env.AUTH_SECRET!, salt: "__Secure-authjs.session-token" })).toMatchObject({ accountId: account.id });
    expect(request.jar.get("__Secure-authjs.session-token.0")).toMatchObject({ value: "", options: { maxAge: 0, secure: true } });
    expect(request.jar.has("authjs.session-token")).toBe(false);
  });

  it("SEC-9 a foreign return path goes home", async () => {
    const account = await createAccount();
    expect(await redirectOf(signInWith({ identifier: account.identifier, password: TEST_PASSWORD }, "//evil.example/x"))).toBe("/accueil");
  });

  it("a wrong password: the reason, no token", async () => {
    const account = await createAccount();
    expect(await signInWith({ identifier: account.identifier, password: "Mauvais-Mot-2026" }, undefined)).toEqual({ reason: "invalid" });
    expect(request.jar.size).toBe(0);
  });

  it("MFA-2 an account with a second factor: the second step, no token and no session row", async () => {
    const account = await createAccount();
    await db.totpSecret.create({ data: { accountId: account.id, ciphertext: "test", keyId: "test", confirmedAt: new Date() } });
    expect(await signInWith({ identifier: account.identifier, password: TEST_PASSWORD }, undefined)).toEqual({ reason: "second_factor" });
    expect([...request.jar.keys()]).toEqual(["portail-mfa-step"]);
    expect(await db.authSession.count({ where: { accountId: account.id } })).toBe(0);
  });
});
