// MFA-2: the second step of the sign-in. Once the password is right, an account with a second
// factor gets no session yet but a step: a random id in an HttpOnly cookie of this browser
// (only its keyed hash is stored), valid 5 minutes, 5 attempts, used once. The code, passkey
// or recovery code then completes it, and only then does Auth.js issue the session, which
// records how the person authenticated (amr, RFC 8176).
//
// Wrong codes count toward the login limits (SEC-2) exactly as wrong passwords do: the attempt
// is recorded BEFORE the proof is checked (SEC-8), so concurrent tries evaluate at most the
// limit, and a right proof gives it back. A TOTP code is accepted once: the step it belongs to
// must be later than the last one accepted, written in the same statement that accepts it.
import "server-only";
import { generateAuthenticationOptions, verifyAuthenticationResponse, type AuthenticationResponseJSON, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import { actorOfAccount, type Client } from "../operation";
import { clear, hitAll, RATE_LIMITS, refund, type RateRule } from "../rate-limit";
import { hashSecret, newSecret } from "../security/secrets";
import { hashRecoveryCode } from "./recovery-codes";
import { decryptTotpKey, matchingStep } from "./totp";
import { knownTransports, libraryCredential, parseBrowserResponse, relyingParty } from "./webauthn";

export const SIGN_IN_STEP_TTL_MS = 5 * 60 * 1000;
export const SIGN_IN_STEP_MAX_ATTEMPTS = 5;

/** RFC 8176 values recorded on the session. */
export type Amr = "pwd" | "otp" | "hwk";

export type SecondStepProof = { kind: "code"; code: string } | { kind: "passkey"; response: string };

export type SecondStepFailure = "invalid" | "expired" | "rate_limited";

export type SecondStepResult =
  | { ok: true; accountId: string; sessionVersion: number; amr: Amr[]; method: "totp" | "recovery_code" | "passkey" }
  | { ok: false; reason: SecondStepFailure; retryAfterSeconds?: number };

function stepHash(token: string): string {
  return hashSecret(`mfa-sign-in-step:${token}`);
}

/** After the right password: the step this browser must complete. Earlier pending steps of the account end. */
export async function startSignInStep(db: Client, accountId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SIGN_IN_STEP_TTL_MS);
  await db.mfaChallenge.updateMany({ where: { accountId, purpose: "SIGN_IN", consumedAt: null }, data: { consumedAt: now } });
  await db.mfaChallenge.create({ data: { purpose: "SIGN_IN", tokenHash: stepHash(token), accountId, expiresAt, createdAt: now } });
  return { token, expiresAt };
}

async function pendingStep(db: Client, token: string | undefined, now: Date) {
  if (!token || token.length > 100) return null;
  const step = await db.mfaChallenge.findUnique({
    where: { tokenHash: stepHash(token) },
    include: { account: { select: { id: true, identifier: true, role: true, organisationId: true, status: true, sessionVersion: true } } },
  });
  if (!step || step.purpose !== "SIGN_IN" || step.consumedAt || step.expiresAt <= now || step.attempts >= SIGN_IN_STEP_MAX_ATTEMPTS) return null;
  if (step.account.status !== "ACTIVE") return null;
  return step;
}

/** What this browser's pending step can be completed with, or null when it has none (or it expired). */
export async function pendingStepFactors(db: Client, token: string | undefined, now = new Date()): Promise<{ totp: boolean; passkey: boolean } | null> {
  const step = await pendingStep(db, token, now);
  if (!step) return null;
  const [totp, passkey] = await Promise.all([
    db.totpSecret.findFirst({ where: { accountId: step.accountId, confirmedAt: { not: null } }, select: { id: true } }),
    db.webAuthnCredential.findFirst({ where: { accountId: step.accountId }, select: { id: true } }),
  ]);
  return { totp: Boolean(totp), passkey: Boolean(passkey) };
}

/** The passkey challenge of the step: the browser asks the authenticator to sign it. */
export async function passkeySignInOptions(db: Client, token: string | undefined, now = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const step = await pendingStep(db, token, now);
  if (!step) return null;
  const credentials = await db.webAuthnCredential.findMany({ where: { accountId: step.accountId }, select: { credentialId: true, transports: true } });
  if (!credentials.length) return null;
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: credentials.map((credential) => ({ id: credential.credentialId, transports: knownTransports(credential.transports) })),
    userVerification: "preferred",
  });
  await db.mfaChallenge.update({ where: { id: step.id }, data: { webauthnChallenge: options.challenge } });
  return options;
}

async function checkTotp(db: Client, accountId: string, code: string, now: Date): Promise<boolean> {
  const secret = await db.totpSecret.findUnique({ where: { accountId } });
  if (!secret?.confirmedAt) return false;
  const key = decryptTotpKey(secret, accountId);
  const step = key ? matchingStep(key, code, now) : null;
  if (step === null) return false;
  // Accepted only if no code of this step (or a later one) was accepted before: one statement,
  // so two concurrent submissions of the same code cannot both pass.
  const accepted = await db.$executeRaw`
    UPDATE "mfa_totp_secrets" SET "lastUsedStep" = ${step}, "lastUsedAt" = ${now}
    WHERE "id" = ${secret.id}::uuid AND ("lastUsedStep" IS NULL OR "lastUsedStep" < ${step})`;
  return accepted === 1;
}

async function checkRecoveryCode(db: Client, accountId: string, code: string, now: Date): Promise<boolean> {
  const codeHash = hashRecoveryCode(code);
  if (!codeHash) return false;
  const { count } = await db.recoveryCode.updateMany({ where: { accountId, codeHash, usedAt: null }, data: { usedAt: now } });
  return count === 1;
}

async function checkPasskey(db: Client, accountId: string, expectedChallenge: string | null, json: string, now: Date): Promise<boolean> {
  const response = parseBrowserResponse<AuthenticationResponseJSON>(json);
  if (!response || !expectedChallenge) return false;
  const credential = await db.webAuthnCredential.findUnique({ where: { credentialId: response.id } });
  if (!credential || credential.accountId !== accountId) return false;
  const { rpID, origin } = relyingParty();
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: libraryCredential(credential),
      requireUserVerification: false,
    });
    if (!verification.verified) return false;
    // A signature counter that does not move forward (when the authenticator keeps one) is a
    // cloned key: the library refuses it; the new value is stored for the next time.
    await db.webAuthnCredential.update({
      where: { id: credential.id },
      data: { counter: BigInt(verification.authenticationInfo.newCounter), lastUsedAt: now },
    });
    return true;
  } catch {
    return false;
  }
}

/** Completes the step with a code (authenticator app or recovery code) or a passkey. */
export async function verifySignInStep(
  db: Db,
  token: string | undefined,
  proof: SecondStepProof,
  context: { ipAddress: string; now?: Date },
): Promise<SecondStepResult> {
  const now = context.now ?? new Date();
  const step = await pendingStep(db, token, now);
  if (!step) return { ok: false, reason: "expired" };

  // SEC-2 / SEC-8: counted as a failed login before anything is checked.
  const identifierLimit: [RateRule, string] = [RATE_LIMITS.loginFailuresPerIdentifier, step.account.identifier];
  const addressLimit: [RateRule, string] = [RATE_LIMITS.loginFailuresPerAddress, context.ipAddress];
  const limits = await hitAll(db, [identifierLimit, addressLimit]);
  if (!limits.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limits.retryAfterSeconds };

  // The step's own budget, taken in the same way: at most SIGN_IN_STEP_MAX_ATTEMPTS proofs are examined.
  const [claimed] = await db.$queryRaw<{ webauthnChallenge: string | null }[]>`
    UPDATE "mfa_challenges" SET "attempts" = "attempts" + 1
    WHERE "id" = ${step.id}::uuid AND "consumedAt" IS NULL AND "expiresAt" > ${now} AND "attempts" < ${SIGN_IN_STEP_MAX_ATTEMPTS}
    RETURNING "webauthnChallenge"`;
  if (!claimed) return { ok: false, reason: "expired" };

  let method: "totp" | "recovery_code" | "passkey" | null = null;
  if (proof.kind === "passkey") {
    if (await checkPasskey(db, step.accountId, claimed.webauthnChallenge, proof.response, now)) method = "passkey";
  } else if (/^\s*\d{3}\s?\d{3}\s*$/.test(proof.code)) {
    if (await checkTotp(db, step.accountId, proof.code, now)) method = "totp";
  } else if (await checkRecoveryCode(db, step.accountId, proof.code, now)) {
    method = "recovery_code";
  }
  if (!method) return { ok: false, reason: "invalid" };

  // Single use: of two concurrent right proofs, one opens the session.
  const { count } = await db.mfaChallenge.updateMany({ where: { id: step.id, consumedAt: null }, data: { consumedAt: now } });
  if (count !== 1) return { ok: false, reason: "expired" };
  await Promise.all([clear(db, ...identifierLimit), refund(db, ...addressLimit)]);
  if (method === "recovery_code") {
    await recordAuditEvent(db, {
      actor: actorOfAccount(step.account),
      action: "mfa.recovery_code_used",
      organisationId: step.account.organisationId,
      target: { type: "account", id: step.account.id, label: step.account.identifier },
      details: { left: await db.recoveryCode.count({ where: { accountId: step.accountId, usedAt: null } }) },
      ipAddress: context.ipAddress,
      at: now,
    });
  }
  return {
    ok: true,
    accountId: step.accountId,
    sessionVersion: step.account.sessionVersion,
    amr: ["pwd", method === "passkey" ? "hwk" : "otp"],
    method,
  };
}
