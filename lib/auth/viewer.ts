// The signed-in account of the current request, checked against the database: a token
// whose sign-in row (SEC-7) has ended or outlived its idle or absolute lifetime, whose
// sessionVersion is stale, or whose account is no longer active, is no session.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "../db";
import type { AccountRole } from "../generated/prisma/enums";
import { Prisma } from "../generated/prisma/client";
import { secondFactorSql } from "../mfa/factors";
import { secondFactorPolicy } from "../mfa/policy";
import { isSessionId, SESSION_IDLE_MS, touchAuthSession } from "./auth-sessions";
import { readSessionCookie, sessionCookieFor, type SessionClaims } from "./session-cookie";

export interface Viewer {
  accountId: string;
  identifier: string;
  firstName: string;
  lastName: string;
  email: string;
  role: AccountRole;
  sessionVersion: number;
  organisationId: string | null;
  organisationName: string | null;
  /** An accepted deputy administrator of the organisation (DEP-1), checked on every request like the role. */
  isDeputy: boolean;
  /** How the organisation's name takes its article (lib/french/names.ts); absent reads as "de". */
  organisationTypeLiaison?: number | null;
  /** "accountId:sessionVersion" of the accounts whose password was given in this browser session (ORG-5). */
  unlockedAccountIds: string[];
  /** The sign-in this request belongs to (auth_sessions row) and its absolute end (SEC-7). */
  authSessionId: string;
  sessionExpiresAt: Date;
  /**
   * MFA-3: `required` when the account must have a second factor and has none (the guards
   * then let it reach nothing but enrolment); `deadline` while an administrator's 14 days run.
   */
  secondFactor: { enrolled: boolean; required: boolean; deadline: Date | null };
}

type ViewerRow = Pick<Viewer, "identifier" | "firstName" | "lastName" | "email" | "role" | "sessionVersion" | "organisationId" | "organisationName" | "isDeputy" | "organisationTypeLiaison"> & {
  id: string;
  lastSeenAt: Date;
  expiresAt: Date;
  hasSecondFactor: boolean;
  mfaEnrolmentDeadline: Date | null;
  organisationRequiresMfa: boolean;
};

/**
 * One indexed read (primary keys of auth_sessions, accounts, organisations) decides the
 * whole session: written in SQL so that it stays one statement (Prisma would load the
 * relations in separate queries).
 */
async function readSession(claims: { accountId: string; sessionVersion: number; authSessionId: string }, now: Date): Promise<ViewerRow | null> {
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS);
  const [row] = await db.$queryRaw<ViewerRow[]>`
    SELECT a."id", a."identifier", a."firstName", a."lastName", a."email", a."role"::text AS "role",
           a."sessionVersion", a."organisationId", o."name" AS "organisationName",
           o."typeLiaison" AS "organisationTypeLiaison",
           s."lastSeenAt", s."expiresAt", a."mfaEnrolmentDeadline",
           COALESCE(o."mfaRequired", false) AS "organisationRequiresMfa",
           EXISTS (SELECT 1 FROM "organisation_deputies" d
                   WHERE d."accountId" = a."id" AND d."organisationId" = a."organisationId" AND d."status" = 'ACCEPTED'
                     AND a."role" = 'USER') AS "isDeputy",
           ${secondFactorSql(Prisma.sql`a."id"`)} AS "hasSecondFactor"
    FROM "auth_sessions" s
    JOIN "accounts" a ON a."id" = s."accountId"
    LEFT JOIN "organisations" o ON o."id" = a."organisationId"
    WHERE s."id" = ${claims.authSessionId}::uuid
      AND s."accountId" = ${claims.accountId}::uuid
      AND s."endedAt" IS NULL
      AND s."expiresAt" > ${now}
      AND s."lastSeenAt" > ${idleSince}
      AND a."status" = 'ACTIVE'
      AND a."sessionVersion" = ${claims.sessionVersion}`;
  return row ?? null;
}

function secondFactorState(account: ViewerRow, now: Date): Viewer["secondFactor"] {
  const policy = secondFactorPolicy(
    { role: account.role, isDeputy: account.isDeputy, mfaEnrolmentDeadline: account.mfaEnrolmentDeadline, organisationRequiresMfa: account.organisationRequiresMfa },
    now,
  );
  return {
    enrolled: account.hasSecondFactor,
    required: policy.required && !account.hasSecondFactor,
    deadline: account.hasSecondFactor ? null : policy.deadline,
  };
}

export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const now = new Date();
  // The session cookie Auth.js would read on this request, decrypted as Auth.js does
  // (lib/auth/session-cookie.ts says why not through `auth()`). Tokens issued before sign-in
  // rows existed carry no authSessionId: they sign in again.
  const requestHeaders = await headers();
  const session: SessionClaims | undefined = (await readSessionCookie(requestHeaders.get("cookie"), { now, names: [sessionCookieFor(requestHeaders).name] }))
    ?.claims;
  if (!session || !isSessionId(session.accountId) || !Number.isInteger(session.sessionVersion)) return null;
  const account = await readSession(
    { accountId: session.accountId, sessionVersion: session.sessionVersion as number, authSessionId: session.authSessionId },
    now,
  );
  if (!account) return null;
  await touchAuthSession(db, { id: session.authSessionId, lastSeenAt: account.lastSeenAt }, now);
  return {
    accountId: account.id,
    identifier: account.identifier,
    firstName: account.firstName,
    lastName: account.lastName,
    email: account.email,
    role: account.role,
    sessionVersion: account.sessionVersion,
    organisationId: account.organisationId,
    organisationName: account.organisationName,
    isDeputy: account.isDeputy,
    organisationTypeLiaison: account.organisationTypeLiaison,
    unlockedAccountIds: session.unlockedAccountIds ?? [],
    authSessionId: session.authSessionId,
    sessionExpiresAt: account.expiresAt,
    secondFactor: secondFactorState(account, now),
  };
});
