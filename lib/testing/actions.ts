// Helpers for integration tests that call server actions as a given person.
import type { Viewer } from "../auth/viewer";
import { actorOfAccount, type Actor, type AdministratorActor, type DeputyActor, type OperatorActor } from "../operation";
import type { TestRequest } from "./action-request";

function current(): TestRequest {
  return (globalThis as unknown as { portailTestRequest: TestRequest }).portailTestRequest;
}

/** Who calls the actions of this test file, and from where (see lib/testing/action-request.ts). */
export const session = {
  get viewer(): Viewer | null {
    return current().viewer;
  },
  set viewer(viewer: Viewer | null) {
    current().viewer = viewer;
  },
  get ip(): string {
    const { ip } = current();
    return typeof ip === "function" ? ip() : ip;
  },
  set ip(ip: string | (() => string)) {
    current().ip = ip;
  },
};

/** The operation's Actor of an account row. */
export function actorOf(account: Parameters<typeof actorOfAccount>[0]): Actor {
  return actorOfAccount(account);
}

/** The scope of the administrator's console for an administrator account (what requireAdministrator proves). */
export function administratorOf(account: Parameters<typeof actorOfAccount>[0]): AdministratorActor {
  const actor = actorOfAccount(account);
  if (actor.role !== "ADMINISTRATOR" || !actor.organisationId) throw new Error(`${account.identifier} is no organisation's administrator`);
  return { ...actor, role: "ADMINISTRATOR", organisationId: actor.organisationId };
}

/** An accepted deputy of the organisation (DEP-1), as requireOrganisationManager proves it. */
export function deputyOf(account: Parameters<typeof actorOfAccount>[0]): DeputyActor {
  const actor = actorOfAccount(account);
  if (actor.role !== "USER" || !actor.organisationId) throw new Error(`${account.identifier} cannot be a deputy`);
  return { ...actor, role: "USER", organisationId: actor.organisationId, isDeputy: true };
}

/** The scope of the operator's console for an operator account (what requireOperator proves). */
export function operatorOf(account: Parameters<typeof actorOfAccount>[0]): OperatorActor {
  const actor = actorOfAccount(account);
  if (actor.role !== "OPERATOR") throw new Error(`${account.identifier} is no operator`);
  return { ...actor, role: "OPERATOR" };
}

/** The session a signed-in account would have. */
export function viewerOf(
  account: {
    id: string;
    identifier: string;
    firstName: string;
    lastName: string;
    email: string;
    role: Viewer["role"];
    sessionVersion: number;
    organisationId: string | null;
  },
  organisationName = "Commune test",
  /** DEP-1: the session of an accepted deputy (the real viewer reads it from organisation_deputies). */
  options: { isDeputy?: boolean } = {},
): Viewer {
  return {
    accountId: account.id,
    identifier: account.identifier,
    firstName: account.firstName,
    lastName: account.lastName,
    email: account.email,
    role: account.role,
    sessionVersion: account.sessionVersion,
    organisationId: account.organisationId,
    organisationName: account.organisationId ? organisationName : null,
    isDeputy: options.isDeputy ?? false,
    unlockedAccountIds: [],
    ...WITHOUT_SIGN_IN_ROW,
  };
}

/**
 * A viewer's sign-in fields for tests that never look at the auth_sessions row (SEC-7), with
 * the second-factor policy satisfied: tests of that policy (MFA-3) read the real viewer.
 */
export const WITHOUT_SIGN_IN_ROW = {
  authSessionId: "00000000-0000-7000-8000-000000000000",
  sessionExpiresAt: new Date(Date.now() + 12 * 60 * 60 * 1000),
  secondFactor: { enrolled: false, required: false, deadline: null },
} as const;

/** A form submission as the browser would send it. */
export function formData(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}
