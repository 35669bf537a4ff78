// SEC-1's authorization matrix as data, shared by the matrix test (lib/security/
// authorization-matrix.int.test.ts) and the hostile-input test (lib/security/
// hostile-input.int.test.ts). Every server action (`lib/**/actions.ts` with "use server") and
// every route handler (`app/**/route.ts`) is discovered from the tree; each must have a row
// here saying, for each persona, what happens when that persona calls it. A new action or
// route without a row fails both tests.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { startAuthSession } from "../auth/auth-sessions";
import { db } from "../db";
import { previewImport } from "../imports/preview-import";
import { enqueueEmail } from "../mail/outbox";
import { parisDayKey } from "../calendar";
import { invitePerson } from "../invitations/invite-person";
import type { Viewer } from "../auth/viewer";
import { actorOf, administratorOf, viewerOf } from "./actions";
import { createAccount, createOrganisation, TEST_PASSWORD, withSecondFactor } from "./factories";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

// ─── Personas ───────────────────────────────────────────────────────────────

/** "deputy": an accepted deputy administrator of the organisation (DEP-1), a user's role with the console's powers. */
export const PERSONAS = ["anonymous", "user", "administrator", "otherAdministrator", "operator", "deputy"] as const;
export type Persona = (typeof PERSONAS)[number];

/**
 * What a persona gets:
 * - "done": the call went through (a success answer, a redirect elsewhere than the login page, a 2xx);
 * - "allowed": the guard let the persona through (any answer of the service, even an error
 *   state for an incomplete form), but neither the login page nor a 403;
 * - "refused": past the guard, the service refused (an error state, a 4xx other than 401/403/404)
 *   because the target is not the persona's: nothing is written;
 * - "login": sent to the login page (NEXT_REDIRECT to /connexion?callbackUrl=…, or 401 / 303 for routes);
 * - "forbidden": Next's 403 (forbidden()) or a 403 answer;
 * - "notFound": Next's 404 (notFound()) or a 404 answer.
 */
export type Outcome = "done" | "allowed" | "refused" | "login" | "forbidden" | "notFound";
export const REFUSALS: readonly Outcome[] = ["refused", "login", "forbidden", "notFound"];

export type Expectations = Record<Persona, Outcome>;

const every = (outcome: Outcome): Expectations => ({
  anonymous: outcome,
  user: outcome,
  administrator: outcome,
  otherAdministrator: outcome,
  operator: outcome,
  deputy: outcome,
});
/** Public doors: anybody. */
const PUBLIC: Expectations = every("allowed");
/** A signed-in account of any role. */
const ACCOUNT: Expectations = { ...every("allowed"), anonymous: "login" };
/**
 * The administrator of an organisation (either one: the form carries no target of the
 * organisation). A deputy is refused what stays with the administrator (DEP-1): subscriptions,
 * the organisation's second-factor policy, the choice of deputies.
 */
const ADMINISTRATOR: Expectations = { anonymous: "login", user: "forbidden", administrator: "allowed", otherAdministrator: "allowed", operator: "forbidden", deputy: "forbidden" };
/** The administrator of the organisation the form's target belongs to; the other administrator is refused. */
const ADMINISTRATOR_OF_IT: Expectations = { ...ADMINISTRATOR, administrator: "done", otherAdministrator: "refused" };
/** The administrator or a deputy of the organisation the form's target belongs to (DEP-1: accounts, permissions). */
const MANAGER_OF_IT: Expectations = { ...ADMINISTRATOR_OF_IT, deputy: "done" };
/** An operator of the portal. */
const OPERATOR: Expectations = { anonymous: "login", user: "forbidden", administrator: "forbidden", otherAdministrator: "forbidden", operator: "allowed", deputy: "forbidden" };
const OPERATOR_DONE: Expectations = { ...OPERATOR, operator: "done" };

/**
 * The persona a row is exercised as by the hostile-input test: the one that gets furthest
 * (through, else refused by the service, else anonymous for doors no session opens).
 */
export function allowedPersona(expect: Expectations): Persona {
  for (const outcome of ["done", "allowed", "refused", "notFound"] as const) {
    const persona = PERSONAS.find((candidate) => expect[candidate] === outcome);
    if (persona) return persona;
  }
  return "anonymous";
}

// ─── The world each case runs in ────────────────────────────────────────────

type AccountRow = Awaited<ReturnType<typeof createAccount>>;
type OrganisationRow = Awaited<ReturnType<typeof createOrganisation>>;

export interface World {
  /** "The organisation": the one the forms' targets belong to. */
  organisation: OrganisationRow;
  otherOrganisation: OrganisationRow;
  accounts: Record<Exclude<Persona, "anonymous">, AccountRow>;
  /** The claims Auth.js's auth() answers for each signed-in persona (with a real sign-in row, SEC-7). */
  claims: Record<Exclude<Persona, "anonymous">, { accountId: string; sessionVersion: number; authSessionId: string; unlockedAccountIds: string[] }>;
}

/**
 * Two organisations, a user, an administrator and an accepted deputy of the first, an
 * administrator of the second, an operator.
 */
export async function createWorld(): Promise<World> {
  const [organisation, otherOrganisation] = await Promise.all([createOrganisation(), createOrganisation()]);
  const [user, administrator, otherAdministrator, operator, deputy] = await Promise.all([
    createAccount({ organisationId: organisation.id }),
    createAccount({ organisationId: organisation.id, role: "ADMINISTRATOR" }),
    createAccount({ organisationId: otherOrganisation.id, role: "ADMINISTRATOR" }),
    // An operator signs in with a second factor (MFA-3): without one, every guard sends them to enrolment.
    createAccount({ organisationId: null, role: "OPERATOR" }).then(withSecondFactor),
    createAccount({ organisationId: organisation.id }),
  ]);
  await db.deputy.create({ data: { organisationId: organisation.id, accountId: deputy.id, designatedById: administrator.id, status: "ACCEPTED", acceptedAt: new Date() } });
  const accounts = { user, administrator, otherAdministrator, operator, deputy };
  const claims = {} as World["claims"];
  for (const [persona, account] of Object.entries(accounts) as [keyof typeof accounts, AccountRow][]) {
    const row = await startAuthSession(db, { accountId: account.id, ipAddress: "192.0.2.10", userAgent: "vitest" });
    claims[persona] = { accountId: account.id, sessionVersion: account.sessionVersion, authSessionId: row.id, unlockedAccountIds: [`${account.id}:${account.sessionVersion}`] };
  }
  return { organisation, otherOrganisation, accounts, claims };
}

/** The session a persona has in `world`, as lib/auth/viewer.ts would read it (deputy flag included). */
export function viewerOfPersona(world: World, persona: Exclude<Persona, "anonymous">): Viewer {
  return {
    ...viewerOf(world.accounts[persona], organisationNameOf(world, persona), { isDeputy: persona === "deputy" }),
    authSessionId: world.claims[persona].authSessionId,
  };
}

/** The organisation name a persona's session carries. */
export function organisationNameOf(world: World, persona: Exclude<Persona, "anonymous">): string {
  const account = world.accounts[persona];
  return account.organisationId === world.otherOrganisation.id ? world.otherOrganisation.name : world.organisation.name;
}

// ─── Targets the forms point at ─────────────────────────────────────────────

let serial = 0;
async function eService() {
  serial += 1;
  return db.eService.create({
    data: { slug: `svc-matrice-${serial}-${Date.now()}`, name: `Service ${serial}`, description: "Un e-service de test.", url: "https://service.example/", termsText: "Conditions." },
  });
}

async function subscribed(organisationId: string) {
  const service = await eService();
  const subscription = await db.subscription.create({
    data: { organisationId, eServiceId: service.id, startDate: new Date(`${parisDayKey()}T00:00:00Z`), termsAcceptedAt: new Date() },
  });
  return { service, subscription };
}

async function importOf(world: World) {
  const csv = "Civilité;Prénom;Nom;Adresse électronique;Catégorie;E-services;Date d'ouverture\nMadame;Anne;Vidal;anne.vidal@exemple.fr;;;\n";
  const { importId } = await previewImport(db, actorOf(world.accounts.administrator), {
    organisationId: world.organisation.id,
    fileName: "agents.csv",
    bytes: new TextEncoder().encode(csv),
  });
  return importId;
}

/** A pending invitation of the organisation (DEP-3), made by its administrator. */
async function invitationOf(world: World) {
  serial += 1;
  const { accountId } = await invitePerson(db, administratorOf(world.accounts.administrator), {
    civility: "MONSIEUR",
    firstName: "Paul",
    lastName: `Invite${serial}`,
    email: `paul.${Date.now()}.${serial}@test.example`,
    eServiceIds: [],
    openingDate: null,
  });
  return accountId;
}

async function ticketOf(account: AccountRow) {
  serial += 1;
  return db.supportTicket.create({
    data: {
      number: `T-${Date.now()}-${serial}`,
      category: "ACCOUNT",
      organisationId: account.organisationId,
      accountId: account.id,
      contactEmail: account.email,
      messages: { create: { author: "REQUESTER", authorId: account.id, body: "Je n'arrive pas à me connecter." } },
    },
  });
}

/** A commune's INSEE code not yet used in this file's database (the factories' codes are not INSEE codes). */
let communes = 0;
const communeCode = () => `01${String(100 + (communes++ % 900)).padStart(3, "0")}`;

const UNKNOWN_ID = "0190f3a4-0000-7000-8000-00000000beef";

// ─── Rules ──────────────────────────────────────────────────────────────────

/** A form as the browser posts it; an array is a repeated field. */
export type Fields = Record<string, string | string[]>;

interface Rule {
  expect: Expectations;
  /** Why the row says what it says, when it is not obvious. */
  why?: string;
}

export interface ActionRule extends Rule {
  /**
   * A complete, valid form for the persona that gets through, pointing at targets of "the
   * organisation". Without it the form is empty (the guard's decision still shows: the
   * allowed persona gets the French validation errors). The hostile-input test starts from it.
   */
  form?: (world: World) => Promise<Fields> | Fields;
  /** The form's field names, when the action reads its form itself or dispatches to several. */
  fields?: readonly string[];
  /** Tables an error answer may still write: attempt counters recorded before the secret is checked (SEC-8). */
  writesOnRefusal?: readonly string[];
}

export interface RouteCall {
  url: string;
  init?: RequestInit;
  params?: Record<string, string | string[]>;
}

export interface RouteRule extends Rule {
  request: (world: World) => Promise<RouteCall> | RouteCall;
}

const ATTEMPTS = ["rate_limit_buckets"] as const;
const LOGIN_ATTEMPTS = ["rate_limit_buckets", "login_events"] as const;
const NEW_PASSWORD = "Forge-Ardente-33";

/** Keyed by "<file>#<export>". */
export const ACTION_RULES: Record<string, ActionRule> = {
  // Public doors of registration, activation and recovery.
  "lib/accounts/actions.ts#registerAction": {
    expect: PUBLIC,
    form: (world) => ({
      organisationId: world.organisation.id,
      civility: "MADAME",
      firstName: "Inès",
      lastName: "Forgeron",
      phone: "01 23 45 67 89",
      jobTitle: "Secrétaire de mairie",
      email: `ines.${Date.now()}.${++serial}@test.example`,
      password: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
      requestedRole: "USER",
      acceptTerms: "on",
    }),
    writesOnRefusal: ATTEMPTS,
  },
  "lib/accounts/actions.ts#resendActivationAction": {
    expect: PUBLIC,
    why: "dispatches on `reference` (the registration's signed reference) or `login`",
    fields: ["reference", "login"],
    writesOnRefusal: ATTEMPTS,
  },
  "lib/accounts/actions.ts#activateAction": { expect: PUBLIC, form: () => ({ token: "jeton-inconnu" }) },
  "lib/accounts/actions.ts#activateWithPasswordAction": {
    expect: PUBLIC,
    form: () => ({ token: "jeton-inconnu", password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }),
  },
  "lib/accounts/actions.ts#requestPasswordResetAction": {
    expect: PUBLIC,
    form: (world) => ({ login: world.accounts.user.identifier }),
    writesOnRefusal: ATTEMPTS,
  },
  "lib/accounts/actions.ts#remindIdentifiersAction": {
    expect: PUBLIC,
    form: (world) => ({ email: world.accounts.user.email }),
    writesOnRefusal: ATTEMPTS,
  },
  "lib/accounts/actions.ts#resetPasswordAction": {
    expect: PUBLIC,
    form: () => ({ token: "jeton-inconnu", password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }),
  },
  "lib/accounts/actions.ts#confirmEmailChangeAction": { expect: PUBLIC, form: () => ({ token: "jeton-inconnu" }) },
  // "Mon espace": the account comes from the session, never from the form.
  "lib/accounts/actions.ts#updateProfileAction": {
    expect: { ...ACCOUNT, user: "done", administrator: "done", otherAdministrator: "done", operator: "done", deputy: "done" },
    form: () => ({ civility: "MONSIEUR", firstName: "Jean", lastName: "Dupont", phone: "", jobTitle: "Agent d'accueil" }),
  },
  "lib/accounts/actions.ts#requestEmailChangeAction": {
    expect: ACCOUNT,
    form: () => ({ email: `nouvelle.${Date.now()}.${++serial}@test.example`, currentPassword: TEST_PASSWORD }),
    writesOnRefusal: ATTEMPTS,
  },
  "lib/accounts/actions.ts#changePasswordAction": {
    expect: ACCOUNT,
    form: () => ({ currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }),
    writesOnRefusal: ATTEMPTS,
  },
  "lib/accounts/actions.ts#closeAccountAction": {
    expect: ACCOUNT,
    why: "the hostile-input test never sends the right password with the box ticked: the account stays open",
    form: () => ({ currentPassword: "pas-le-bon-mot-de-passe", confirmClose: "on" }),
    writesOnRefusal: ATTEMPTS,
  },
  "lib/accounts/actions.ts#signOutEverywhereAction": { expect: ACCOUNT },
  "lib/accounts/actions.ts#switchAccountAction": {
    expect: ACCOUNT,
    why: "switching to an account of another person without its password is refused by the service",
    form: (world) => ({ targetAccountId: world.accounts.otherAdministrator.id, password: "pas-le-bon" }),
    writesOnRefusal: ATTEMPTS,
  },
  // The legal representative's page: public, protected by the code and its limits (LR-3, LR-4).
  "lib/admin-requests/actions.ts#checkCodeAction": { expect: PUBLIC, form: () => ({ number: "D-2026-000001", code: "ABCD-EFGH" }), writesOnRefusal: ATTEMPTS },
  "lib/admin-requests/actions.ts#confirmCodeAction": { expect: PUBLIC, form: () => ({ number: "D-2026-000001", code: "ABCD-EFGH" }), writesOnRefusal: ATTEMPTS },
  "lib/admin-requests/actions.ts#becomeAdministratorAction": { expect: ACCOUNT },
  "lib/admin-requests/actions.ts#requestNewLetterAction": { expect: ACCOUNT },
  "lib/admin-requests/actions.ts#requestNewLetterWithPasswordAction": {
    expect: PUBLIC,
    form: (world) => ({ identifier: world.accounts.user.identifier, password: "pas-le-bon" }),
    writesOnRefusal: LOGIN_ATTEMPTS,
  },
  // Issue 16 item 4: proven by the password, like the new letter above.
  "lib/admin-requests/actions.ts#becomeAdministratorWithPasswordAction": {
    expect: PUBLIC,
    form: (world) => ({ identifier: world.accounts.user.identifier, password: "pas-le-bon" }),
    writesOnRefusal: LOGIN_ATTEMPTS,
  },
  // The administrator's console: only for accounts of the administrator's own organisation.
  "lib/administration/actions.ts#decideOnAccountAction": {
    expect: MANAGER_OF_IT,
    form: async (world) => {
      const pending = await createAccount({ organisationId: world.organisation.id, status: "PENDING_VALIDATION" });
      return { accountId: pending.id, decision: "validate", note: "Bienvenue." };
    },
  },
  "lib/subscriptions/actions.ts#subscribeAction": {
    expect: { ...ADMINISTRATOR, administrator: "done", otherAdministrator: "done" },
    why: "the catalogue is open to every organisation: each administrator subscribes their own organisation",
    form: async () => ({ eServiceId: (await eService()).id, acceptTerms: "on", startDate: "", endDate: "" }),
  },
  "lib/subscriptions/actions.ts#endSubscriptionAction": {
    expect: ADMINISTRATOR_OF_IT,
    form: async (world) => ({ subscriptionId: (await subscribed(world.organisation.id)).subscription.id, endDate: "" }),
  },
  "lib/permissions/actions.ts#permissionMatrixAction": {
    expect: MANAGER_OF_IT,
    why: "dispatches on `intent`: the page's ticked boxes, or one e-service for the selected rows",
    fields: ["intent", "account", "eService", "cell", "selected", "bulkEServiceId"],
    form: async (world) => {
      const { service } = await subscribed(world.organisation.id);
      const user = world.accounts.user.id;
      return { intent: "save", account: [user], eService: [service.id], cell: [`${user}:${service.id}`] };
    },
  },
  // Deputies (DEP-1): the choice stays with the administrator; the designated person answers for themself.
  "lib/deputies/actions.ts#designateDeputyAction": {
    expect: { ...ADMINISTRATOR, administrator: "done", otherAdministrator: "refused" },
    why: "the person is named by identifier: the other administrator is told no account of their organisation has it",
    form: async (world) => ({ login: (await createAccount({ organisationId: world.organisation.id })).identifier }),
  },
  "lib/deputies/actions.ts#removeDeputyAction": {
    expect: ADMINISTRATOR_OF_IT,
    why: "a deputy may not remove another deputy (nor themself through this door: they renounce from Mon espace)",
    form: (world) => ({ accountId: world.accounts.deputy.id }),
  },
  "lib/deputies/actions.ts#answerDeputyDesignationAction": {
    expect: { ...ACCOUNT, user: "done" },
    why: "the user has a pending designation and accepts it; anybody else has none to accept (the deputy's is accepted already)",
    form: async (world) => {
      await db.deputy.create({ data: { organisationId: world.organisation.id, accountId: world.accounts.user.id, designatedById: world.accounts.administrator.id } });
      return { answer: "accept" };
    },
  },
  // Imports: the administrator or a deputy (DEP-1) into their organisation, an operator into any.
  "lib/imports/actions.ts#confirmImportAction": {
    expect: { anonymous: "login", user: "forbidden", administrator: "done", otherAdministrator: "forbidden", operator: "done", deputy: "done" },
    why: "the other administrator naming the organisation's import is refused by the import scope (403)",
    form: async (world) => ({ importId: await importOf(world), organisationId: world.organisation.id }),
  },
  "lib/imports/actions.ts#cancelImportAction": {
    expect: { anonymous: "login", user: "forbidden", administrator: "done", otherAdministrator: "forbidden", operator: "done", deputy: "done" },
    form: async (world) => ({ importId: await importOf(world), organisationId: world.organisation.id }),
  },
  "lib/imports/actions.ts#resumeImportAction": {
    expect: { anonymous: "login", user: "forbidden", administrator: "allowed", otherAdministrator: "forbidden", operator: "allowed", deputy: "allowed" },
    why: "a previewed import has nothing to resume: the service says so to those who may",
    form: async (world) => ({ importId: await importOf(world), organisationId: world.organisation.id }),
  },
  // Invitations (DEP-3): the administrator or a deputy (DEP-1) invites into their own
  // organisation; a re-send or a withdrawal names a pending invitation, checked to be of the
  // caller's organisation.
  "lib/invitations/actions.ts#inviteAction": {
    expect: { ...ADMINISTRATOR, administrator: "done", otherAdministrator: "done", deputy: "done" },
    why: "the form names no organisation: each administrator or deputy invites into their own",
    fields: ["civility", "firstName", "lastName", "email", "eServiceIds", "openingDate"],
    form: () => ({ civility: "MADAME", firstName: "Inès", lastName: "Invitée", email: `invitee.${Date.now()}.${++serial}@test.example`, openingDate: "" }),
  },
  "lib/invitations/actions.ts#resendInvitationAction": {
    expect: MANAGER_OF_IT,
    form: async (world) => ({ accountId: await invitationOf(world) }),
  },
  "lib/invitations/actions.ts#withdrawInvitationAction": {
    expect: MANAGER_OF_IT,
    form: async (world) => ({ accountId: await invitationOf(world), confirm: "oui" }),
  },
  // "Mes e-services": a signed-in account; the service checks subscription and permission.
  "lib/e-services/access/actions.ts#giveHealthConsentAction": { expect: ACCOUNT, form: () => ({ slug: "service-inconnu", consent: "on" }) },
  "lib/e-services/access/actions.ts#openEServiceAction": { expect: ACCOUNT, form: () => ({ slug: "service-inconnu" }) },
  // Login and logout.
  "lib/auth/actions.ts#loginAction": {
    expect: PUBLIC,
    form: (world) => ({ identifier: world.accounts.user.identifier, password: "pas-le-bon", callbackUrl: "/espace" }),
    writesOnRefusal: LOGIN_ATTEMPTS,
  },
  "lib/auth/actions.ts#signOutAction": { expect: every("done"), why: "ends the caller's own session, if any: harmless for anybody", fields: [] },
  // The operator's console.
  "lib/catalogue/actions.ts#createEServiceAction": {
    expect: OPERATOR_DONE,
    form: () => ({
      name: "Cadastre en ligne",
      slug: `cadastre-${Date.now()}-${++serial}`,
      description: "Consultation du cadastre de la commune.",
      url: "https://cadastre.example/",
      termsText: "Conditions d'utilisation du cadastre.",
      handlesHealthData: "",
      requiresSecondFactor: "",
      active: "on",
    }),
  },
  "lib/catalogue/actions.ts#updateEServiceAction": {
    expect: OPERATOR_DONE,
    form: async () => {
      const service = await eService();
      return { eServiceId: service.id, name: "Cadastre", slug: service.slug, description: "Consultation du cadastre.", url: "https://cadastre.example/", termsText: "Conditions d'utilisation.", active: "on" };
    },
  },
  "lib/dashboards/actions.ts#apiKeyAction": {
    expect: OPERATOR_DONE,
    fields: ["eServiceId", "keyId", "operation"],
    form: async () => ({ eServiceId: (await eService()).id, operation: "create" }),
  },
  // Second factors (MFA): the sign-in's second step is a public door (its cookie is the
  // credential); "Sécurité" is every signed-in account's own; the policy is the
  // administrator's; the reset is the operator's, from a ticket.
  "lib/mfa/actions.ts#verifySecondStepAction": { expect: PUBLIC, why: "without the step's cookie, an error state", writesOnRefusal: ATTEMPTS },
  "lib/mfa/actions.ts#passkeySignInOptionsAction": { expect: PUBLIC, why: "without the step's cookie, an error state" },
  "lib/mfa/actions.ts#startTotpAction": { expect: ACCOUNT, writesOnRefusal: ATTEMPTS },
  "lib/mfa/actions.ts#confirmTotpAction": { expect: ACCOUNT, writesOnRefusal: ATTEMPTS },
  "lib/mfa/actions.ts#removeTotpAction": { expect: ACCOUNT, writesOnRefusal: ATTEMPTS },
  "lib/mfa/actions.ts#startPasskeyAction": { expect: ACCOUNT, writesOnRefusal: ATTEMPTS },
  "lib/mfa/actions.ts#finishPasskeyAction": { expect: ACCOUNT, writesOnRefusal: ATTEMPTS },
  "lib/mfa/actions.ts#removePasskeyAction": { expect: ACCOUNT, writesOnRefusal: ATTEMPTS },
  "lib/mfa/actions.ts#regenerateRecoveryCodesAction": { expect: ACCOUNT, writesOnRefusal: ATTEMPTS },
  "lib/mfa/actions.ts#setOrganisationMfaRequiredAction": { expect: ADMINISTRATOR },
  "lib/mfa/actions.ts#resetSecondFactorAction": { expect: OPERATOR },
  "lib/oidc/actions.ts#oidcClientAction": {
    expect: OPERATOR_DONE,
    fields: ["eServiceId", "operation", "authMethod", "redirectUris", "postLogoutRedirectUris", "backchannelLogoutUri", "initiateLoginUri", "jwksUri"],
    form: async () => ({ eServiceId: (await eService()).id, operation: "save", authMethod: "CLIENT_SECRET_BASIC", redirectUris: "https://cadastre.example/oidc/retour" }),
  },
  "lib/oidc/actions.ts#rotateSigningKeysAction": { expect: OPERATOR_DONE },
  // The portal's page of an e-service's authorization request (SSO-3): any signed-in account
  // decides for itself; an unknown or expired request is refused by the service.
  "lib/oidc/actions.ts#continueInteractionAction": { expect: ACCOUNT, form: () => ({ uid: "demande-inconnue-0123456789" }) },
  "lib/oidc/actions.ts#declineInteractionAction": { expect: ACCOUNT, form: () => ({ uid: "demande-inconnue-0123456789" }) },
  "lib/letters/actions.ts#markPostedAction": {
    expect: OPERATOR,
    fields: ["letterIds", "postedOn"],
    form: () => ({ letterIds: [UNKNOWN_ID], postedOn: parisDayKey() }),
  },
  "lib/organisations/actions.ts#createOrganisationAction": {
    expect: OPERATOR_DONE,
    form: () => ({
      name: "Commune de Testval",
      kind: "COMMUNE",
      code: communeCode(),
      siren: "",
      siret: "",
      postalCodes: "01000",
      legalRepresentativeTitle: "Maire",
      addressRecipient: "Mairie de Testval",
      addressComplement: "",
      addressStreet: "1 place de la Mairie",
      addressPostalCode: "01000",
      addressCity: "Testval",
    }),
  },
  "lib/organisations/actions.ts#updateOrganisationAction": {
    expect: OPERATOR_DONE,
    form: (world) => ({
      organisationId: world.otherOrganisation.id,
      name: world.otherOrganisation.name,
      kind: world.otherOrganisation.kind,
      code: communeCode(),
      siren: "",
      siret: "",
      postalCodes: "01000",
      legalRepresentativeTitle: "Maire",
      addressRecipient: "Mairie",
      addressComplement: "",
      addressStreet: "",
      addressPostalCode: "01000",
      addressCity: "TESTVILLE",
    }),
  },
  // Assistance: anybody may ask; replies only to one's own ticket; the rest for operators.
  "lib/support/actions.ts#submitTicketAction": {
    expect: every("done"),
    form: (world) => ({
      category: "ACCOUNT",
      organisationId: world.organisation.id,
      organisationLabel: "",
      stepsTried: "J'ai réessayé.",
      message: "Je ne reçois pas le courriel d'activation.",
      contactEmail: `aide.${++serial}@test.example`,
    }),
    writesOnRefusal: ATTEMPTS,
  },
  "lib/support/actions.ts#replyAsAccountAction": {
    expect: { anonymous: "login", user: "done", administrator: "refused", otherAdministrator: "refused", operator: "refused", deputy: "refused" },
    why: "the ticket is the user's: anybody else is told it does not exist",
    form: async (world) => ({ ticketId: (await ticketOf(world.accounts.user)).id, body: "Merci, c'est réglé." }),
  },
  "lib/support/actions.ts#replyByLinkAction": { expect: PUBLIC, form: () => ({ token: "lien-inconnu", body: "Bonjour." }) },
  "lib/support/actions.ts#operatorTicketAction": {
    expect: OPERATOR_DONE,
    form: async (world) => ({ ticketId: (await ticketOf(world.accounts.user)).id, action: "answer", body: "Voici la marche à suivre." }),
  },
  "lib/support/actions.ts#reactivateRequesterAccountAction": {
    expect: OPERATOR,
    form: async (world) => ({ ticketId: (await ticketOf(world.accounts.user)).id, accountId: world.accounts.user.id, note: "Demande justifiée." }),
  },
};

const get = (url: string, params?: RouteCall["params"]): RouteCall => ({ url: `http://127.0.0.1:3000${url}`, params });

/** Keyed by "<file> <METHOD>". */
export const ROUTE_RULES: Record<string, RouteRule> = {
  "app/(account)/espace/mes-donnees/route.ts GET": {
    expect: { ...every("done"), anonymous: "login" },
    request: () => get("/espace/mes-donnees"),
  },
  "app/(account)/tableaux-de-bord/export/route.ts GET": {
    expect: { anonymous: "login", user: "done", administrator: "done", otherAdministrator: "done", operator: "forbidden", deputy: "done" },
    why: "each account exports its own organisation's dashboards; an operator has none",
    request: () => get("/tableaux-de-bord/export?periode=2026-01"),
  },
  "app/administration/journal/export/route.ts GET": {
    expect: { anonymous: "login", user: "forbidden", administrator: "done", otherAdministrator: "done", operator: "forbidden", deputy: "done" },
    why: "each administrator (or deputy, DEP-1) downloads their own organisation's journal (the organisation comes from the session); operators have their own route",
    request: (world) => get(`/administration/journal/export?format=csv&organisation=${world.organisation.id}`),
  },
  "app/operateur/journal/export/route.ts GET": {
    expect: OPERATOR_DONE,
    why: "the whole portal's journal, for operators only",
    request: () => get("/operateur/journal/export?format=jsonl"),
  },
  "app/(public)/aide/guide/route.ts GET": { expect: every("done"), request: () => get("/aide/guide") },
  "app/api/auth/[...nextauth]/route.ts GET": {
    expect: every("done"),
    why: "Auth.js's own endpoints are public (providers, CSRF token); lib/auth decides who signs in",
    request: () => get("/api/auth/providers", { nextauth: ["providers"] }),
  },
  "app/api/auth/[...nextauth]/route.ts POST": {
    expect: every("login"),
    why: "a sign-in without Auth.js's CSRF token is sent back to the login page, whoever asks",
    request: () => ({
      url: "http://127.0.0.1:3000/api/auth/callback/credentials",
      init: { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "identifier=claire-martin&password=x" },
      params: { nextauth: ["callback", "credentials"] },
    }),
  },
  "app/api/dev/mailbox/route.ts GET": {
    expect: every("done"),
    why: "open to whoever reaches it where it exists (tests, npm run dev); SEC-10 keeps it out of production",
    request: () => get("/api/dev/mailbox?to=personne@test.example"),
  },
  "app/api/dev/mailbox/[id]/html/route.ts GET": {
    expect: every("done"),
    why: "as the mailbox's list",
    request: async () => {
      const id = await enqueueEmail(db, "personne@test.example", { template: "identifier-reminder", data: { accounts: [], loginUrl: "http://127.0.0.1:3000/connexion" } });
      return get(`/api/dev/mailbox/${id}/html`, { id });
    },
  },
  "app/api/health/route.ts GET": { expect: every("done"), request: () => get("/api/health") },
  "app/api/imports/[id]/listing/route.ts GET": {
    expect: { anonymous: "login", user: "forbidden", administrator: "done", otherAdministrator: "forbidden", operator: "done", deputy: "done" },
    request: async (world) => {
      const id = await importOf(world);
      return get(`/api/imports/${id}/listing?format=csv`, { id });
    },
  },
  "app/api/imports/[id]/progress/route.ts GET": {
    expect: { anonymous: "login", user: "forbidden", administrator: "done", otherAdministrator: "forbidden", operator: "done", deputy: "done" },
    request: async (world) => {
      const id = await importOf(world);
      return get(`/api/imports/${id}/progress`, { id });
    },
  },
  "app/api/imports/route.ts POST": {
    expect: { anonymous: "login", user: "forbidden", administrator: "done", otherAdministrator: "forbidden", operator: "done", deputy: "done" },
    why: "the other administrator naming the organisation is refused before a byte of the file is read",
    request: (world) => ({
      url: `http://127.0.0.1:3000/api/imports?organisation=${world.organisation.id}&nom=agents.csv`,
      init: {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: "Civilité;Prénom;Nom;Adresse électronique;Catégorie;E-services;Date d'ouverture\nMadame;Léa;Roux;lea.roux@exemple.fr;;;\n",
      },
    }),
  },
  "app/api/organisations/route.ts GET": {
    expect: every("done"),
    why: "the open directory behind the registration form",
    request: () => get("/api/organisations?q=commune"),
  },
  "app/api/v1/figures/route.ts POST": {
    expect: every("login"),
    why: "the e-service API takes an API key, never a session: 401 for every persona's session",
    request: () => ({ url: "http://127.0.0.1:3000/api/v1/figures", init: { method: "POST", headers: { "content-type": "application/json" }, body: "{}" } }),
  },
  "app/operateur/courrier/[id]/route.ts GET": {
    expect: { ...OPERATOR, operator: "notFound" },
    why: "only the operator gets past the guard, to the 404 of a letter that does not exist",
    request: () => get(`/operateur/courrier/${UNKNOWN_ID}`, { id: UNKNOWN_ID }),
  },
  "app/operateur/courrier/lot/route.ts GET": {
    expect: OPERATOR,
    why: "only the operator gets past the guard, to the batch or the 404 of an empty print queue",
    request: () => get("/operateur/courrier/lot"),
  },
};

// ─── Discovery ──────────────────────────────────────────────────────────────

function filesNamed(directory: string, name: string): string[] {
  return readdirSync(path.join(ROOT, directory), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => path.join(directory, file).split(path.sep).join("/"))
    .sort();
}

export interface DiscoveredAction {
  key: string;
  file: string;
  name: string;
  action: (previous: unknown, formData: FormData) => Promise<unknown>;
}

/** Every exported function of every "use server" `actions.ts` under lib/. */
export async function discoverActions(): Promise<DiscoveredAction[]> {
  const found: DiscoveredAction[] = [];
  for (const file of filesNamed("lib", "actions.ts")) {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    if (!/^\s*["']use server["'];?/.test(source)) continue;
    const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") found.push({ key: `${file}#${name}`, file, name, action: value as DiscoveredAction["action"] });
    }
  }
  return found;
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export interface DiscoveredRoute {
  key: string;
  file: string;
  method: string;
  handler: (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;
}

/** Every exported HTTP method of every `route.ts` under app/. */
export async function discoverRoutes(): Promise<DiscoveredRoute[]> {
  const found: DiscoveredRoute[] = [];
  for (const file of filesNamed("app", "route.ts")) {
    const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = exported[method];
      if (typeof handler === "function") found.push({ key: `${file} ${method}`, file, method, handler: handler as DiscoveredRoute["handler"] });
    }
  }
  return found;
}

/** A form as the browser would post it. */
export function formOf(fields: Fields): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  return data;
}

// ─── What changed in the database ───────────────────────────────────────────

/** Row count and content digest of every table: a write of any kind, update included, changes it. */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const parts = tables.map(
    // An order-independent sum of row hashes: no sort, so one statement stays a few milliseconds.
    ({ name }) => `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0)::text AS digest FROM "${name}" t`,
  );
  const rows = await db.$queryRawUnsafe<{ name: string; digest: string }[]>(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after })
    .filter((table) => before[table] !== after[table])
    .sort();
}

export { TEST_PASSWORD };
