-- CreateEnum
CREATE TYPE "MfaChallengePurpose" AS ENUM ('SIGN_IN', 'PASSKEY_REGISTRATION');

-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "mfaEnrolmentDeadline" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "auth_sessions" ADD COLUMN     "amr" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "mfaRequired" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "mfa_totp_secrets" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "lastUsedStep" INTEGER,
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mfa_totp_secrets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mfa_webauthn_credentials" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "credentialId" TEXT NOT NULL,
    "publicKey" BYTEA NOT NULL,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[],
    "name" TEXT NOT NULL,
    "deviceType" TEXT,
    "backedUp" BOOLEAN NOT NULL DEFAULT false,
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mfa_webauthn_credentials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mfa_recovery_codes" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mfa_recovery_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mfa_challenges" (
    "id" UUID NOT NULL,
    "purpose" "MfaChallengePurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "accountId" UUID NOT NULL,
    "webauthnChallenge" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mfa_challenges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mfa_totp_secrets_accountId_key" ON "mfa_totp_secrets"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "mfa_webauthn_credentials_credentialId_key" ON "mfa_webauthn_credentials"("credentialId");

-- CreateIndex
CREATE INDEX "mfa_webauthn_credentials_accountId_idx" ON "mfa_webauthn_credentials"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "mfa_recovery_codes_accountId_codeHash_key" ON "mfa_recovery_codes"("accountId", "codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "mfa_challenges_tokenHash_key" ON "mfa_challenges"("tokenHash");

-- CreateIndex
CREATE INDEX "mfa_challenges_accountId_idx" ON "mfa_challenges"("accountId");

-- CreateIndex
CREATE INDEX "mfa_challenges_expiresAt_idx" ON "mfa_challenges"("expiresAt");

-- AddForeignKey
ALTER TABLE "mfa_totp_secrets" ADD CONSTRAINT "mfa_totp_secrets_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mfa_webauthn_credentials" ADD CONSTRAINT "mfa_webauthn_credentials_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mfa_recovery_codes" ADD CONSTRAINT "mfa_recovery_codes_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mfa_challenges" ADD CONSTRAINT "mfa_challenges_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- MFA-3: administrators already in office get the same 14 days as a new one.
UPDATE "accounts" SET "mfaEnrolmentDeadline" = now() + interval '14 days' WHERE "role" = 'ADMINISTRATOR';
