// MFA-4: a person's second factors in Mon espace. Each change asks for the password again
// (verifyCurrentPassword, limited per account), is e-mailed to the owner and audited, in one
// transaction. The last factor cannot be removed where one is required (MFA-3). Adding the
// first factor also gives the ten recovery codes, shown once.
import "server-only";
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { verifyCurrentPassword } from "../accounts/verify-current-password";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { enqueueEmail } from "../mail/outbox";
import type { SecondFactorChange } from "../mail/templates";
import { actorOfAccount, RateLimitedError, UserError, type Actor, type Client, type OperationContext } from "../operation";
import { hit, RATE_LIMITS, tooManyAttempts } from "../rate-limit";
import { hashSecret, newSecret } from "../security/secrets";
import { factorCount, factorsOf } from "./factors";
import { secondFactorPolicy } from "./policy";
import { qrCodeDataUrl } from "./qr-code";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { decryptTotpKey, encryptTotpKey, formatTotpKey, matchingStep, newTotpKey, totpUri } from "./totp";
import { knownTransports, parseBrowserResponse, RP_NAME, relyingParty } from "./webauthn";

/** How long a started enrolment waits for its first code or its authenticator. */
export const ENROLMENT_TTL_MS = 15 * 60 * 1000;
export const MAX_PASSKEYS = 10;

async function ownAccount(db: Client, accountId: string) {
  const account = await db.account.findUnique({
    where: { id: accountId },
    include: { organisation: { select: { name: true, mfaRequired: true } }, deputyship: { select: { status: true, organisationId: true } } },
  });
  if (!account || account.status !== "ACTIVE") throw new UserError("Votre session a expiré : reconnectez-vous.");
  return account;
}

type OwnAccount = Awaited<ReturnType<typeof ownAccount>>;

async function tell(
  tx: Prisma.TransactionClient,
  account: OwnAccount,
  change: SecondFactorChange,
  context: OperationContext & { now: Date },
  audit: { action: string; details?: Prisma.InputJsonValue },
  detail?: string,
): Promise<void> {
  await enqueueEmail(tx, account.email, {
    template: "second-factor-changed",
    data: {
      identifier: account.identifier,
      organisationName: account.organisation?.name ?? null,
      change,
      detail,
      changedAt: context.now,
      securityUrl: appUrl("/espace/securite"),
    },
  });
  await recordAuditEvent(tx, {
    actor: actorOfAccount(account),
    action: audit.action,
    organisationId: account.organisationId,
    target: { type: "account", id: account.id, label: account.identifier },
    details: audit.details,
    ipAddress: context.ipAddress,
    at: context.now,
  });
}

/** Replaces the account's recovery codes with ten new ones; returns them, to be shown once. */
async function replaceRecoveryCodes(tx: Prisma.TransactionClient, accountId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { accountId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ accountId, codeHash: hashRecoveryCode(code)!, createdAt: now })) });
  return codes;
}

/** The first factor brings recovery codes; later factors keep those the person already has. */
async function recoveryCodesIfNone(tx: Prisma.TransactionClient, accountId: string, now: Date): Promise<string[] | null> {
  const left = await tx.recoveryCode.count({ where: { accountId, usedAt: null } });
  return left ? null : replaceRecoveryCodes(tx, accountId, now);
}

// ─── Authenticator application (TOTP) ───────────────────────────────────────

export interface TotpEnrolment {
  /** The key as text, grouped by four, for manual entry. */
  key: string;
  qrCode: string;
}

/** Step 1: the password, then a new key shown once (QR code and text). It counts only once a code is given. */
export async function startTotpEnrolment(db: Db, actor: Actor, input: { currentPassword: string }, context: OperationContext = {}): Promise<TotpEnrolment> {
  const now = context.now ?? new Date();
  const account = await ownAccount(db, actor.accountId);
  await verifyCurrentPassword(db, account, input.currentPassword);
  const existing = await db.totpSecret.findUnique({ where: { accountId: account.id }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) throw new UserError("Une application d'authentification est déjà enregistrée : retirez-la avant d'en ajouter une autre.");
  const key = newTotpKey();
  const stored = encryptTotpKey(key, account.id);
  await db.totpSecret.upsert({
    where: { accountId: account.id },
    create: { accountId: account.id, ...stored, createdAt: now },
    update: { ...stored, createdAt: now, lastUsedStep: null, lastUsedAt: null },
  });
  return { key: formatTotpKey(key), qrCode: await qrCodeDataUrl(totpUri(key, account.identifier)) };
}

/** Step 2: one valid code proves the app holds the key; only then is it a factor. */
export async function confirmTotpEnrolment(
  db: Db,
  actor: Actor,
  input: { code: string },
  context: OperationContext = {},
): Promise<{ recoveryCodes: string[] | null }> {
  const now = context.now ?? new Date();
  const account = await ownAccount(db, actor.accountId);
  const limit = await hit(db, RATE_LIMITS.mfaEnrolmentCodesPerAccount, account.id);
  if (!limit.allowed) throw new RateLimitedError(tooManyAttempts(limit.retryAfterSeconds), limit.retryAfterSeconds);
  const pending = await db.totpSecret.findUnique({ where: { accountId: account.id } });
  if (!pending || pending.confirmedAt || pending.createdAt.getTime() < now.getTime() - ENROLMENT_TTL_MS) {
    throw new UserError("Cet ajout a expiré : recommencez en saisissant votre mot de passe.");
  }
  const key = decryptTotpKey(pending, account.id);
  const step = key ? matchingStep(key, input.code, now) : null;
  if (step === null) throw new UserError("Code incorrect : saisissez le code à 6 chiffres affiché maintenant par votre application.", "code");
  return db.$transaction(async (tx) => {
    const { count } = await tx.totpSecret.updateMany({
      where: { id: pending.id, confirmedAt: null },
      data: { confirmedAt: now, lastUsedStep: step, lastUsedAt: now },
    });
    if (count !== 1) throw new UserError("Cette application est déjà enregistrée.");
    const recoveryCodes = await recoveryCodesIfNone(tx, account.id, now);
    await tell(tx, account, "totp_added", { ...context, now }, { action: "mfa.totp_added" });
    return { recoveryCodes };
  });
}

function refuseLastRequiredFactor(account: OwnAccount, remaining: number, now: Date): void {
  const policy = secondFactorPolicy(
    {
      role: account.role,
      isDeputy: account.deputyship?.status === "ACCEPTED" && account.deputyship.organisationId === account.organisationId,
      mfaEnrolmentDeadline: account.mfaEnrolmentDeadline,
      organisationRequiresMfa: account.organisation?.mfaRequired ?? false,
    },
    now,
  );
  if (policy.required && remaining === 0) {
    throw new UserError("La double authentification est obligatoire pour votre compte : ajoutez une autre méthode avant de retirer celle-ci.");
  }
}

export async function removeTotp(db: Db, actor: Actor, input: { currentPassword: string }, context: OperationContext = {}): Promise<void> {
  const now = context.now ?? new Date();
  const account = await ownAccount(db, actor.accountId);
  await verifyCurrentPassword(db, account, input.currentPassword);
  await db.$transaction(async (tx) => {
    const factors = await factorsOf(tx, account.id);
    if (!factors.totp) throw new UserError("Aucune application d'authentification n'est enregistrée.");
    refuseLastRequiredFactor(account, factorCount(factors) - 1, now);
    await tx.totpSecret.deleteMany({ where: { accountId: account.id } });
    await afterRemoval(tx, account.id, factorCount(factors) - 1);
    await tell(tx, account, "totp_removed", { ...context, now }, { action: "mfa.totp_removed" });
  });
}

/** Without any factor left, recovery codes would open nothing: they go too. */
async function afterRemoval(tx: Prisma.TransactionClient, accountId: string, remaining: number): Promise<void> {
  if (remaining === 0) await tx.recoveryCode.deleteMany({ where: { accountId } });
}

// ─── Passkeys and security keys (WebAuthn) ──────────────────────────────────

/** Step 1: the password, then the challenge the new authenticator signs. */
export async function startPasskeyRegistration(
  db: Db,
  actor: Actor,
  input: { currentPassword: string },
  context: OperationContext = {},
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const now = context.now ?? new Date();
  const account = await ownAccount(db, actor.accountId);
  await verifyCurrentPassword(db, account, input.currentPassword);
  const existing = await db.webAuthnCredential.findMany({ where: { accountId: account.id }, select: { credentialId: true, transports: true } });
  if (existing.length >= MAX_PASSKEYS) throw new UserError(`Vous avez déjà ${MAX_PASSKEYS} clés d'accès : retirez-en une avant d'en ajouter une autre.`);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: relyingParty().rpID,
    userName: account.identifier,
    userDisplayName: `${account.firstName} ${account.lastName}`,
    userID: new TextEncoder().encode(account.id),
    attestationType: "none",
    // The same authenticator is not registered twice.
    excludeCredentials: existing.map((credential) => ({ id: credential.credentialId, transports: knownTransports(credential.transports) })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await db.mfaChallenge.updateMany({ where: { accountId: account.id, purpose: "PASSKEY_REGISTRATION", consumedAt: null }, data: { consumedAt: now } });
  await db.mfaChallenge.create({
    data: {
      purpose: "PASSKEY_REGISTRATION",
      tokenHash: hashSecret(`mfa-registration:${newSecret()}`),
      accountId: account.id,
      webauthnChallenge: options.challenge,
      expiresAt: new Date(now.getTime() + ENROLMENT_TTL_MS),
      createdAt: now,
    },
  });
  return options;
}

/** Step 2: the authenticator's answer to that challenge; the key is stored under its name. */
export async function finishPasskeyRegistration(
  db: Db,
  actor: Actor,
  input: { name: string; response: string },
  context: OperationContext = {},
): Promise<{ recoveryCodes: string[] | null }> {
  const now = context.now ?? new Date();
  const account = await ownAccount(db, actor.accountId);
  const response = parseBrowserResponse<RegistrationResponseJSON>(input.response);
  const pending = await db.mfaChallenge.findFirst({
    where: { accountId: account.id, purpose: "PASSKEY_REGISTRATION", consumedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
  });
  if (!pending?.webauthnChallenge) throw new UserError("Cet ajout a expiré : recommencez en saisissant votre mot de passe.");
  const { rpID, origin } = relyingParty();
  let registration;
  try {
    const verification = response
      ? await verifyRegistrationResponse({ response, expectedChallenge: pending.webauthnChallenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: false })
      : null;
    registration = verification?.verified ? verification.registrationInfo : undefined;
  } catch {
    registration = undefined;
  }
  if (!registration) throw new UserError("La clé d'accès n'a pas pu être vérifiée : recommencez.");
  const info = registration;
  return db.$transaction(async (tx) => {
    const { count } = await tx.mfaChallenge.updateMany({ where: { id: pending.id, consumedAt: null }, data: { consumedAt: now } });
    if (count !== 1) throw new UserError("Cet ajout a déjà été enregistré.");
    const taken = await tx.webAuthnCredential.findUnique({ where: { credentialId: info.credential.id }, select: { id: true } });
    if (taken) throw new UserError("Cette clé d'accès est déjà enregistrée.");
    await tx.webAuthnCredential.create({
      data: {
        accountId: account.id,
        credentialId: info.credential.id,
        publicKey: new Uint8Array(info.credential.publicKey),
        counter: BigInt(info.credential.counter),
        transports: knownTransports(info.credential.transports ?? response?.response.transports),
        name: input.name,
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        createdAt: now,
      },
    });
    const recoveryCodes = await recoveryCodesIfNone(tx, account.id, now);
    await tell(tx, account, "passkey_added", { ...context, now }, { action: "mfa.passkey_added", details: { name: input.name } }, input.name);
    return { recoveryCodes };
  });
}

export async function removePasskey(
  db: Db,
  actor: Actor,
  input: { passkeyId: string; currentPassword: string },
  context: OperationContext = {},
): Promise<{ name: string }> {
  const now = context.now ?? new Date();
  const account = await ownAccount(db, actor.accountId);
  await verifyCurrentPassword(db, account, input.currentPassword);
  return db.$transaction(async (tx) => {
    const passkey = await tx.webAuthnCredential.findFirst({ where: { id: input.passkeyId, accountId: account.id }, select: { id: true, name: true } });
    if (!passkey) throw new UserError("Cette clé d'accès n'existe pas ou a déjà été retirée.");
    const factors = await factorsOf(tx, account.id);
    refuseLastRequiredFactor(account, factorCount(factors) - 1, now);
    await tx.webAuthnCredential.delete({ where: { id: passkey.id } });
    await afterRemoval(tx, account.id, factorCount(factors) - 1);
    await tell(tx, account, "passkey_removed", { ...context, now }, { action: "mfa.passkey_removed", details: { name: passkey.name } }, passkey.name);
    return { name: passkey.name };
  });
}

// ─── Recovery codes ─────────────────────────────────────────────────────────

export async function regenerateRecoveryCodes(db: Db, actor: Actor, input: { currentPassword: string }, context: OperationContext = {}): Promise<string[]> {
  const now = context.now ?? new Date();
  const account = await ownAccount(db, actor.accountId);
  await verifyCurrentPassword(db, account, input.currentPassword);
  return db.$transaction(async (tx) => {
    if (factorCount(await factorsOf(tx, account.id)) === 0) {
      throw new UserError("Ajoutez d'abord une application d'authentification ou une clé d'accès : les codes de secours la complètent.");
    }
    const codes = await replaceRecoveryCodes(tx, account.id, now);
    await tell(tx, account, "recovery_codes_generated", { ...context, now }, { action: "mfa.recovery_codes_generated" });
    return codes;
  });
}
