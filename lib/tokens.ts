// Single-use tokens for links (activation, password reset, e-mail change, ticket access):
// random, stored as a keyed hash (security/secrets.ts), valid until their expiry, and only
// the latest one of a kind works for an account (SEC-5, ACC-3).
//
// Tokens written before hashes were keyed (plain SHA-256) stop matching: activation, reset
// and e-mail change links last 72 hours at most and can be asked for again. Ticket links
// last a year and cannot be, so those alone are still found by their former hash.
import "server-only";
import type { Token, TokenPurpose } from "./generated/prisma/client";
import { hashSecret, legacySecretHash, newSecret } from "./security/secrets";
import type { Client } from "./operation";


export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  ACTIVATION: 72 * 60 * 60_000,
  PASSWORD_RESET: 60 * 60_000,
  EMAIL_CHANGE: 24 * 60 * 60_000,
  TICKET_ACCESS: 365 * 24 * 60 * 60_000,
};

export async function issueToken(
  db: Client,
  input: {
    purpose: TokenPurpose;
    accountId?: string;
    ticketId?: string;
    email?: string;
    now?: Date;
    /** Drawn beforehand with newSecret(), when the e-mail carrying it is rendered before the transaction. */
    token?: string;
  },
): Promise<{ token: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  if (input.accountId) {
    // A new link replaces the previous ones of the same kind.
    await db.token.updateMany({
      where: { accountId: input.accountId, purpose: input.purpose, usedAt: null, invalidatedAt: null },
      data: { invalidatedAt: now },
    });
  }
  const token = input.token ?? newSecret();
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS[input.purpose]);
  await db.token.create({
    data: {
      purpose: input.purpose,
      tokenHash: hashSecret(token),
      accountId: input.accountId,
      ticketId: input.ticketId,
      email: input.email,
      expiresAt,
      createdAt: now,
    },
  });
  return { token, expiresAt };
}

/**
 * `issueToken` for many accounts at once (bulk welcomes): the previous links of the same kind
 * stop working, and each account gets the raw token given for it (drawn beforehand with
 * newSecret, so the messages that carry them can be written before the transaction).
 */
export async function issueTokens(
  db: Client,
  input: { purpose: TokenPurpose; tokens: { accountId: string; token: string }[]; now?: Date },
): Promise<void> {
  if (!input.tokens.length) return;
  const now = input.now ?? new Date();
  await db.token.updateMany({
    where: { accountId: { in: input.tokens.map((item) => item.accountId) }, purpose: input.purpose, usedAt: null, invalidatedAt: null },
    data: { invalidatedAt: now },
  });
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS[input.purpose]);
  await db.token.createMany({
    data: input.tokens.map(({ accountId, token }) => ({ purpose: input.purpose, tokenHash: hashSecret(token), accountId, expiresAt, createdAt: now })),
  });
}

export type TokenProblem = "unknown" | "expired" | "used" | "superseded";

export type TokenCheck = { ok: true; token: Token } | { ok: false; problem: TokenProblem; token?: Token };

/** What a token is worth, without using it. */
export async function inspectToken(db: Client, purpose: TokenPurpose, raw: string, now = new Date()): Promise<TokenCheck> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return { ok: false, problem: "unknown" };
  const token =
    (await db.token.findUnique({ where: { tokenHash: hashSecret(raw) } })) ??
    (purpose === "TICKET_ACCESS" ? await db.token.findUnique({ where: { tokenHash: legacySecretHash(raw) } }) : null);
  if (!token || token.purpose !== purpose) return { ok: false, problem: "unknown" };
  if (token.usedAt) return { ok: false, problem: "used", token };
  if (token.invalidatedAt) return { ok: false, problem: "superseded", token };
  if (token.expiresAt <= now) return { ok: false, problem: "expired", token };
  return { ok: true, token };
}

/** Uses a token once: of two concurrent uses, only one succeeds. */
export async function consumeToken(db: Client, purpose: TokenPurpose, raw: string, now = new Date()): Promise<TokenCheck> {
  const check = await inspectToken(db, purpose, raw, now);
  if (!check.ok) return check;
  const { count } = await db.token.updateMany({
    where: { id: check.token.id, usedAt: null, invalidatedAt: null },
    data: { usedAt: now },
  });
  if (count !== 1) return { ok: false, problem: "used", token: check.token };
  return { ok: true, token: { ...check.token, usedAt: now } };
}
