// Which second factors an account has (MFA-1): a confirmed authenticator app, passkeys, and
// how many recovery codes remain. A TOTP key still waiting for its first code is no factor.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Client } from "../operation";

export interface AccountFactors {
  totp: { confirmedAt: Date; lastUsedAt: Date | null } | null;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  recoveryCodesLeft: number;
}

export async function factorsOf(db: Client, accountId: string): Promise<AccountFactors> {
  const [totp, passkeys, recoveryCodesLeft] = await Promise.all([
    db.totpSecret.findFirst({ where: { accountId, confirmedAt: { not: null } }, select: { confirmedAt: true, lastUsedAt: true } }),
    db.webAuthnCredential.findMany({
      where: { accountId },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    }),
    db.recoveryCode.count({ where: { accountId, usedAt: null } }),
  ]);
  return { totp: totp?.confirmedAt ? { confirmedAt: totp.confirmedAt, lastUsedAt: totp.lastUsedAt } : null, passkeys, recoveryCodesLeft };
}

export function factorCount(factors: AccountFactors): number {
  return (factors.totp ? 1 : 0) + factors.passkeys.length;
}

/**
 * SQL that is true when the account whose id is `accountId` (a column or a parameter) has a
 * second factor: a confirmed authenticator app or a passkey. For statements that decide a
 * sign-in or a session in one read (lib/auth/authenticate.ts, lib/auth/viewer.ts).
 */
export function secondFactorSql(accountId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(EXISTS (SELECT 1 FROM "mfa_totp_secrets" t WHERE t."accountId" = ${accountId} AND t."confirmedAt" IS NOT NULL)
            OR EXISTS (SELECT 1 FROM "mfa_webauthn_credentials" w WHERE w."accountId" = ${accountId}))`;
}

/** True when the sign-in must ask for a second factor. */
export async function hasSecondFactor(db: Client, accountId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ present: boolean }[]>`SELECT ${secondFactorSql(Prisma.sql`${accountId}::uuid`)} AS "present"`;
  return row.present;
}
