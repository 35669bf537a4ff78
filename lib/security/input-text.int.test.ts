// SEC-9 on real PostgreSQL: the fuzzed fields that answered 500 (NUL reached the database)
// now get the French message of the shared rule, and nothing is written.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../db";
import type { FormState } from "../forms";
import { formData as form, viewerOf, session } from "../testing/actions";
import { createAccount, createOrganisation, tableCounts, TEST_PASSWORD } from "../testing/factories";
import { FORBIDDEN_CHARACTERS_MESSAGE } from "./input-text";

session.ip = () => `192.0.2.${Math.floor(Math.random() * 250)}`;

const authCalls = vi.hoisted(() => ({ signIn: vi.fn(), signOut: vi.fn(), updateSession: vi.fn(), auth: vi.fn() }));
vi.mock("../auth/auth", () => authCalls);
// The login form signs in through lib/auth/sign-in-with.ts (the credentials check, then the token).
vi.mock("../auth/sign-in-with", () => ({ signInWith: authCalls.signIn }));
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));

const accountActions = await import("../accounts/actions");
const spaceActions = accountActions;
const { loginAction } = await import("../auth/actions");
const { authenticate } = await import("../auth/authenticate");
const { checkCodeAction } = await import("../admin-requests/actions");
const { submitTicketAction } = await import("../support/actions");
const organisationsRoute = await import("../../app/api/organisations/route");
const { parseAuditFilters } = await import("../audit/parse-filters");

const NUL = "\u0000";
const RLO = "\u202E";

function fieldErrorsOf(state: FormState<unknown> | { status: string }) {
  expect(state.status).toBe("error");
  return (state as Extract<FormState<unknown>, { status: "error" }>).fieldErrors;
}

async function expectNothingWritten(run: () => Promise<unknown>) {
  const before = await tableCounts();
  await run();
  expect(await tableCounts()).toEqual(before);
}

let account: Awaited<ReturnType<typeof createAccount>>;
beforeEach(async () => {
  account = await createAccount();
  session.viewer = { ...viewerOf(account), unlockedAccountIds: [`${account.id}:0`] };
  Object.values(authCalls).forEach((mock) => mock.mockReset());
});

describe("SEC-9 a NUL or a bidi override in a form field gets the French message, never a 500", () => {
  it("login: the form's message, and Auth.js is not called; the service answers an unknown identifier", async () => {
    await expectNothingWritten(async () => {
      expect(fieldErrorsOf(await loginAction({ status: "idle" }, form({ identifier: `claire${NUL}martin`, password: "x" })))).toEqual({ identifier: FORBIDDEN_CHARACTERS_MESSAGE });
    });
    expect(authCalls.signIn).not.toHaveBeenCalled();
    // What Auth.js's own endpoint (/api/auth/callback/credentials) would pass on.
    const result = await authenticate(db, { identifier: `${account.identifier}${NUL}`, password: TEST_PASSWORD }, { ipAddress: "192.0.2.251" });
    expect(result).toEqual({ ok: false, reason: "invalid" });
  });

  it("registration names, password reset and the letter's request number", async () => {
    const organisation = await createOrganisation();
    const base = { organisationId: organisation.id, civility: "MADAME", firstName: "Inès", lastName: "Forgeron", email: "ines@test.example", password: "Forge-Ardente-33", passwordConfirmation: "Forge-Ardente-33", requestedRole: "USER", acceptTerms: "on" };
    await expectNothingWritten(async () => {
      const registration = fieldErrorsOf(await accountActions.registerAction({ status: "idle" }, form({ ...base, firstName: `In${NUL}ès`, lastName: `${RLO}nogreF` })));
      expect(registration).toMatchObject({ firstName: FORBIDDEN_CHARACTERS_MESSAGE, lastName: FORBIDDEN_CHARACTERS_MESSAGE });
      expect(fieldErrorsOf(await accountActions.requestPasswordResetAction({ status: "idle" }, form({ login: `a${NUL}` }))).login).toBe(FORBIDDEN_CHARACTERS_MESSAGE);
      expect(fieldErrorsOf(await checkCodeAction({ status: "idle" }, form({ number: `D-2026${NUL}`, code: "ABCD-EFGH" }))).number).toBe(FORBIDDEN_CHARACTERS_MESSAGE);
    });
  });

  it("profile and assistance ticket; a ticket's message keeps its line breaks", async () => {
    await expectNothingWritten(async () => {
      expect(fieldErrorsOf(await spaceActions.updateProfileAction({ status: "idle" }, form({ civility: "MADAME", firstName: "Zoé", lastName: `Mar${NUL}tin` }))).lastName).toBe(
        FORBIDDEN_CHARACTERS_MESSAGE,
      );
      const ticket = { category: "ACCOUNT", contactEmail: "zoe@test.example", message: `Bonjour${NUL}` };
      expect(fieldErrorsOf(await submitTicketAction({ status: "idle" }, form(ticket))).message).toBe(FORBIDDEN_CHARACTERS_MESSAGE);
    });
    const accepted = await submitTicketAction({ status: "idle" }, form({ category: "ACCOUNT", contactEmail: "zoe@test.example", message: "Bonjour,\r\n\tje ne reçois pas le courriel." }));
    expect(accepted.status).toBe("success");
  });
});

describe("SEC-9 query strings", () => {
  it("/api/organisations?q=%00 answers 400 in French", async () => {
    const refused = await organisationsRoute.GET(new Request("http://127.0.0.1:3000/api/organisations?q=%00"));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: "La recherche contient des caractères non autorisés." });
    const ok = await organisationsRoute.GET(new Request("http://127.0.0.1:3000/api/organisations?q=mairie"));
    expect(ok.status).toBe(200);
  });

  it("the journal's filters ignore a refused character or an impossible day instead of failing the query", () => {
    const { filters } = parseAuditFilters({ q: `x${NUL}`, action: `account${NUL}`, du: "2026-02-31", au: "2026-13-01" });
    expect(filters).toEqual({ action: undefined, from: undefined, to: undefined, query: undefined, cursor: undefined, direction: undefined });
  });
});
