// SEC-1: every account action meets forged input — missing fields, wrong types, 10 KB
// strings, another person's ids — with a clear French error, and writes nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../db";
import type { FormState } from "../forms";
import { createAccount, createOrganisation, tableCounts, TEST_PASSWORD } from "../testing/factories";
import { formData as form, session, WITHOUT_SIGN_IN_ROW } from "../testing/actions";

session.ip = () => `192.0.2.${Math.floor(Math.random() * 250)}`;

const authCalls = vi.hoisted(() => ({ signIn: vi.fn(), signOut: vi.fn(), updateSession: vi.fn() }));
vi.mock("../auth/auth", () => authCalls);
// The login form signs in through lib/auth/sign-in-with.ts (the credentials check, then the token).
vi.mock("../auth/sign-in-with", () => ({ signInWith: authCalls.signIn }));
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));

const actions = await import("./actions");
const spaceActions = actions;
const { loginAction } = await import("../auth/actions");

const HUGE = "x".repeat(10_240);

function errorsOf(state: FormState<unknown> | { status: string }) {
  expect(state.status).toBe("error");
  return state as Extract<FormState<unknown>, { status: "error" }>;
}

async function expectNothingWritten(run: () => Promise<unknown>) {
  const before = await tableCounts();
  await run();
  expect(await tableCounts()).toEqual(before);
}

let viewerAccount: Awaited<ReturnType<typeof createAccount>>;
beforeEach(async () => {
  viewerAccount = await createAccount();
  session.viewer = {
    accountId: viewerAccount.id,
    identifier: viewerAccount.identifier,
    firstName: viewerAccount.firstName,
    lastName: viewerAccount.lastName,
    email: viewerAccount.email,
    role: viewerAccount.role,
    sessionVersion: 0,
    organisationId: viewerAccount.organisationId,
    organisationName: "Commune test",
    isDeputy: false,
    unlockedAccountIds: [`${viewerAccount.id}:0`],
    ...WITHOUT_SIGN_IN_ROW,
  };
  Object.values(authCalls).forEach((mock) => mock.mockReset());
});

describe("SEC-1 registration refuses forged input and writes nothing", () => {
  it("an empty form: one French message per mandatory field", async () => {
    await expectNothingWritten(async () => {
      const state = errorsOf(await actions.registerAction({ status: "idle" }, form({})));
      expect(state.fieldErrors).toMatchObject({
        organisationId: "Choisissez votre organisation dans la liste proposée.",
        civility: "Indiquez votre civilité.",
        firstName: "Indiquez votre prénom.",
        lastName: "Indiquez votre nom.",
        email: "Indiquez votre adresse électronique.",
        password: "Choisissez un mot de passe.",
        requestedRole: "Indiquez si vous vous inscrivez en tant qu'utilisateur ou administrateur.",
        acceptTerms: "Acceptez les conditions générales d'utilisation pour vous inscrire.",
      });
    });
  });

  it("10 KB strings, files instead of text, a forged role and an unknown organisation", async () => {
    const organisation = await createOrganisation();
    await expectNothingWritten(async () => {
      const huge = errorsOf(
        await actions.registerAction(
          { status: "idle" },
          form({ organisationId: organisation.id, civility: "MADAME", firstName: HUGE, lastName: HUGE, email: `${HUGE}@x.example`, phone: HUGE, jobTitle: HUGE, password: HUGE, passwordConfirmation: HUGE, requestedRole: "USER", acceptTerms: "on" }),
        ),
      );
      expect(huge.fieldErrors.firstName).toBe("60 caractères au plus.");
      expect(huge.fieldErrors.email).toBe("254 caractères au plus.");
      expect(huge.fieldErrors.password).toBe("Mot de passe trop long.");
      expect(JSON.stringify(huge.values).length).toBeLessThan(12_000);
      expect(huge.values.password).toBeUndefined();

      const files = errorsOf(await actions.registerAction({ status: "idle" }, form({ firstName: new Blob(["x"]), organisationId: new Blob(["y"]) })));
      expect(files.fieldErrors.firstName).toBe("Indiquez votre prénom.");

      const base = { organisationId: organisation.id, civility: "MADAME", firstName: "Inès", lastName: "Forgeron", email: "ines@test.example", password: "Forge-Ardente-33", passwordConfirmation: "Forge-Ardente-33", acceptTerms: "on" };
      const role = errorsOf(await actions.registerAction({ status: "idle" }, form({ ...base, requestedRole: "OPERATOR" })));
      expect(role.fieldErrors.requestedRole).toMatch(/utilisateur ou administrateur/);

      const unknown = errorsOf(await actions.registerAction({ status: "idle" }, form({ ...base, requestedRole: "USER", organisationId: "0190f3a4-0000-7000-8000-000000000000" })));
      expect(unknown.fieldErrors.organisationId).toMatch(/introuvable/);

      const mismatch = errorsOf(await actions.registerAction({ status: "idle" }, form({ ...base, requestedRole: "USER", passwordConfirmation: "Autre-Chose-44" })));
      expect(mismatch.fieldErrors.passwordConfirmation).toBe("Les deux mots de passe ne correspondent pas.");
    });
  });
});

describe("SEC-1 public account actions refuse forged input and write nothing", () => {
  it("login: missing fields and a 10 KB identifier never reach Auth.js", async () => {
    await expectNothingWritten(async () => {
      expect(errorsOf(await loginAction({ status: "idle" }, form({}))).fieldErrors).toEqual({
        identifier: "Indiquez votre identifiant.",
        password: "Indiquez votre mot de passe.",
      });
      expect(errorsOf(await loginAction({ status: "idle" }, form({ identifier: HUGE, password: "x" }))).fieldErrors.identifier).toBe("Identifiant trop long.");
    });
    expect(authCalls.signIn).not.toHaveBeenCalled();
  });

  it("activation, reset and e-mail confirmation with forged tokens", async () => {
    await expectNothingWritten(async () => {
      for (const token of ["", "court", HUGE, "A".repeat(43)]) {
        expect(await actions.activateAction({ status: "idle" }, form({ token }))).toEqual({ status: "done", outcome: { ok: false, problem: "unknown" } });
        expect(await spaceActions.confirmEmailChangeAction({ status: "idle" }, form({ token }))).toEqual({ status: "done", outcome: { ok: false, problem: "unknown" } });
        const reset = await actions.resetPasswordAction({ status: "idle" }, form({ token, password: "Forge-Ardente-33", passwordConfirmation: "Forge-Ardente-33" }));
        expect(reset).toEqual({ status: "link_problem", problem: "unknown" });
      }
    });
  });

  it("recovery forms: missing, 10 KB and non-text input", async () => {
    await expectNothingWritten(async () => {
      expect(errorsOf(await actions.requestPasswordResetAction({ status: "idle" }, form({}))).fieldErrors.login).toBe("Indiquez votre identifiant ou votre adresse électronique.");
      expect(errorsOf(await actions.requestPasswordResetAction({ status: "idle" }, form({ login: HUGE }))).fieldErrors.login).toBe("254 caractères au plus.");
      expect(errorsOf(await actions.remindIdentifiersAction({ status: "idle" }, form({ email: "pas-une-adresse" }))).fieldErrors.email).toMatch(/adresse électronique valide/);
      expect(errorsOf(await actions.remindIdentifiersAction({ status: "idle" }, form({ email: new Blob(["a@b.c"]) }))).fieldErrors.email).toBeDefined();
      expect(errorsOf(await actions.resendActivationAction({ status: "idle" }, form({ login: HUGE }))).fieldErrors.login).toBeDefined();
    });
  });

  it("a forged or tampered resend reference is refused", async () => {
    await expectNothingWritten(async () => {
      const state = errorsOf(await actions.resendActivationAction({ status: "idle" }, form({ reference: `${viewerAccount.id}.zzzz.signature-forgee` })));
      expect(state.message).toMatch(/n'est plus valable/);
    });
  });
});

describe("SEC-8 the registration page answers the same whatever exists", () => {
  function registration(organisationId: string, email: string) {
    return form({
      organisationId,
      civility: "MADAME",
      firstName: "Inès",
      lastName: "Garnier",
      email,
      password: "Orage-Violet-42",
      passwordConfirmation: "Orage-Violet-42",
      requestedRole: "USER",
      acceptTerms: "on",
    });
  }

  it("a new address, a pending registration and an active account get the same page: ACC-2's identifier is the one the names would get now", async () => {
    const organisation = await createOrganisation();
    const active = await createAccount({ organisationId: organisation.id });
    const pendingEmail = `en-attente.${Date.now()}@mairie.example`;
    await actions.registerAction({ status: "idle" }, registration(organisation.id, pendingEmail));
    const pending = await db.account.findFirstOrThrow({ where: { email: pendingEmail } });

    const states = [];
    for (const email of [`nouvelle.${Date.now()}@mairie.example`, pendingEmail, active.email]) {
      const before = await db.account.count();
      const state = await actions.registerAction({ status: "idle" }, registration(organisation.id, email));
      expect(state.status).toBe("success");
      const { result } = state as Extract<typeof state, { status: "success" }>;
      expect(result.email).toBe(email);
      // The next free identifier of these names (ID-1), as a new registration would get it:
      // never the existing account's own.
      const created = (await db.account.count()) > before;
      const taken = await db.account.findUnique({ where: { identifier: result.identifier } });
      expect(result.identifier).toMatch(/^ines-garnier\d*$/);
      expect(Boolean(taken)).toBe(created);
      expect(result.identifier).not.toBe(pending.identifier);
      expect(JSON.stringify(state)).not.toContain(active.identifier);
      states.push({ ...state, result: { ...result, identifier: "…", email: "…", resendReference: "…" } });
    }
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
  });

  it("\"Renvoyer le courriel d'activation\" works from the page, even for a 254-character address", async () => {
    const organisation = await createOrganisation();
    const email = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(58)}.fr`;
    expect(email).toHaveLength(254);
    const state = await actions.registerAction({ status: "idle" }, registration(organisation.id, email));
    const { resendReference } = (state as Extract<typeof state, { status: "success" }>).result;
    const resent = await actions.resendActivationAction({ status: "idle" }, form({ reference: resendReference }));
    expect(resent).toMatchObject({ status: "success", message: expect.stringContaining("un nouveau courriel d'activation vient d'être envoyé") });
    expect(await db.outboxEmail.count({ where: { to: email, template: "activation" } })).toBe(2);
  });
});

describe("SEC-1 personal space actions act on the signed-in account only", () => {
  it("profile: 10 KB names refused; forged role, identifier and organisation ignored", async () => {
    await expectNothingWritten(async () => {
      const state = errorsOf(await spaceActions.updateProfileAction({ status: "idle" }, form({ civility: "MADAME", firstName: HUGE, lastName: "X" })));
      expect(state.fieldErrors.firstName).toBe("60 caractères au plus.");
      expect(errorsOf(await spaceActions.updateProfileAction({ status: "idle" }, form({ civility: "ROI", firstName: "A", lastName: "B" }))).fieldErrors.civility).toBe("Indiquez votre civilité.");
    });
    const other = await createOrganisation();
    const saved = await spaceActions.updateProfileAction(
      { status: "idle" },
      form({ civility: "MONSIEUR", firstName: "Paul", lastName: "Honnête", role: "ADMINISTRATOR", identifier: "pirate", organisationId: other.id, status: "ACTIVE" }),
    );
    expect(saved.status).toBe("success");
    const account = await db.account.findUniqueOrThrow({ where: { id: viewerAccount.id } });
    expect(account).toMatchObject({ firstName: "Paul", role: "USER", identifier: viewerAccount.identifier, organisationId: viewerAccount.organisationId });
  });

  it("e-mail change, password change and closing need the current password", async () => {
    await expectNothingWritten(async () => {
      expect(errorsOf(await spaceActions.requestEmailChangeAction({ status: "idle" }, form({ email: "nouvelle@test.example", currentPassword: "Faux-2026" }))).fieldErrors.currentPassword).toBe("Mot de passe incorrect.");
      expect(errorsOf(await spaceActions.changePasswordAction({ status: "idle" }, form({}))).fieldErrors).toMatchObject({ currentPassword: "Indiquez votre mot de passe actuel." });
      expect(errorsOf(await spaceActions.closeAccountAction({ status: "idle" }, form({ currentPassword: TEST_PASSWORD }))).fieldErrors.confirmClose).toMatch(/Cochez la case/);
    });
    expect(authCalls.updateSession).not.toHaveBeenCalled();
    expect(authCalls.signOut).not.toHaveBeenCalled();
  });

  it("switching to another person's account, or to a forged id, is refused", async () => {
    const stranger = await createAccount();
    await expectNothingWritten(async () => {
      const refused = errorsOf(await spaceActions.switchAccountAction({ status: "idle" }, form({ targetAccountId: stranger.id, password: TEST_PASSWORD })));
      expect(refused.message).toBe("Ce compte n'est pas disponible.");
      expect(errorsOf(await spaceActions.switchAccountAction({ status: "idle" }, form({ targetAccountId: "1 OR 1=1" }))).fieldErrors.targetAccountId).toBe("Compte inconnu.");
    });
    expect(authCalls.updateSession).not.toHaveBeenCalled();
  });

  it("without a session, no personal action runs", async () => {
    session.viewer = null;
    await expectNothingWritten(async () => {
      await expect(spaceActions.updateProfileAction({ status: "idle" }, form({ civility: "MADAME", firstName: "A", lastName: "B" }))).rejects.toThrow(/NEXT_REDIRECT/);
      await expect(spaceActions.switchAccountAction({ status: "idle" }, form({ targetAccountId: viewerAccount.id }))).rejects.toThrow(/NEXT_REDIRECT/);
    });
  });
});
