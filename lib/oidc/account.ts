// Who the provider signs in (SSO-4): `sub` is the account id, one per organisation account.
// Every time the provider looks the account up for a client (authorization, token, refresh,
// userinfo), ADM-4 is applied again: an account no longer active, without the permission or
// whose organisation's subscription has ended gets nothing more (refresh tokens end with the
// permission, SSO-4).
import "server-only";
import type { Db } from "../db";
import { explainAccess } from "../e-services/access/queries";

export const ORGANISATION_SCOPE = "organisation";
export const SUPPORTED_SCOPES = ["openid", "offline_access", "profile", "email", ORGANISATION_SCOPE] as const;
export const CLAIMS_BY_SCOPE = {
  // acr and amr come from the provider session (how the person authenticated), not from the account.
  openid: ["sub", "acr", "amr", "auth_time"],
  profile: ["given_name", "family_name", "preferred_username"],
  email: ["email", "email_verified"],
  [ORGANISATION_SCOPE]: ["organisation"],
} as const;

/** "How the person authenticated" (SSO-4, MFA-6): a password alone, or with a second factor. */
export const PASSWORD_ACR = "urn:portail-e-services:acr:password";
export const PASSWORD_AMR = ["pwd"];
export const MFA_ACR = "urn:portail-e-services:acr:mfa";

/** acr and amr of the portal sign-in that decided (its auth_sessions row records the methods). */
export function authenticationOf(amr: string[] | null | undefined): { acr: string; amr: string[] } {
  const methods = amr?.length ? amr : PASSWORD_AMR;
  return { acr: methods.length > 1 ? MFA_ACR : PASSWORD_ACR, amr: methods };
}

/** Whether that sign-in used a second factor (MFA-6: what an e-service "second factor required" asks for). */
export function usedSecondFactor(amr: string[] | null | undefined): boolean {
  return authenticationOf(amr).acr === MFA_ACR;
}

export interface OidcClaims {
  sub: string;
  given_name: string;
  family_name: string;
  preferred_username: string;
  email: string;
  email_verified: boolean;
  organisation: { id: string; code: string; siren: string | null; name: string; kind: string } | null;
}

/** The slug of the e-service a client id stands for, or null. */
export async function eServiceSlugOfClient(db: Db, clientId: string): Promise<string | null> {
  const client = await db.oidcClient.findUnique({ where: { clientId }, select: { eService: { select: { slug: true } } } });
  return client?.eService.slug ?? null;
}

/**
 * The claims of an active account that may use the e-service of `clientId` today, or null.
 * Without a client (not expected from the provider) only the account's activity is checked.
 */
export async function claimsForClient(db: Db, accountId: string, clientId: string | null, now = new Date()): Promise<OidcClaims | null> {
  if (!/^[0-9a-f-]{36}$/i.test(accountId)) return null;
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: {
      id: true,
      identifier: true,
      firstName: true,
      lastName: true,
      email: true,
      emailVerifiedAt: true,
      status: true,
      organisationId: true,
      organisation: { select: { id: true, code: true, siren: true, name: true, kind: true } },
    },
  });
  if (!account || account.status !== "ACTIVE") return null;
  if (clientId) {
    const slug = await eServiceSlugOfClient(db, clientId);
    if (!slug) return null;
    const decision = await explainAccess(db, { accountId: account.id, organisationId: account.organisationId }, slug, now);
    if (!decision.ok || decision.consentNeeded) return null;
  }
  return {
    sub: account.id,
    given_name: account.firstName,
    family_name: account.lastName,
    preferred_username: account.identifier,
    email: account.email,
    email_verified: Boolean(account.emailVerifiedAt),
    organisation: account.organisation,
  };
}
