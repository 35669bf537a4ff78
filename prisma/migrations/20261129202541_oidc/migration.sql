-- CreateEnum
CREATE TYPE "OidcClientAuthMethod" AS ENUM ('CLIENT_SECRET_BASIC', 'PRIVATE_KEY_JWT');

-- CreateEnum
CREATE TYPE "OidcLogoutStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "oidc_payloads" (
    "kind" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "grantId" TEXT,
    "userCode" TEXT,
    "uid" TEXT,
    "accountId" TEXT,
    "clientId" TEXT,
    "expiresAt" TIMESTAMP(3),
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oidc_payloads_pkey" PRIMARY KEY ("kind","id")
);

-- CreateTable
CREATE TABLE "oidc_signing_keys" (
    "id" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "privateCiphertext" TEXT NOT NULL,
    "privateKeyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "oidc_signing_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oidc_clients" (
    "id" UUID NOT NULL,
    "clientId" TEXT NOT NULL,
    "eServiceId" UUID NOT NULL,
    "authMethod" "OidcClientAuthMethod" NOT NULL,
    "secretCiphertext" TEXT,
    "secretKeyId" TEXT,
    "jwksUri" TEXT,
    "redirectUris" TEXT[],
    "postLogoutRedirectUris" TEXT[],
    "backchannelLogoutUri" TEXT,
    "initiateLoginUri" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "oidc_clients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oidc_logins" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "authSessionId" UUID,
    "clientId" TEXT NOT NULL,
    "grantId" TEXT NOT NULL,
    "sid" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "oidc_logins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oidc_interaction_decisions" (
    "uid" TEXT NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "accountId" UUID,
    "authSessionId" UUID,
    "reason" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oidc_interaction_decisions_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "oidc_logout_deliveries" (
    "id" UUID NOT NULL,
    "clientId" TEXT NOT NULL,
    "accountId" UUID NOT NULL,
    "sid" TEXT,
    "reason" TEXT NOT NULL,
    "status" "OidcLogoutStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oidc_logout_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "oidc_payloads_grantId_idx" ON "oidc_payloads"("grantId");

-- CreateIndex
CREATE INDEX "oidc_payloads_uid_idx" ON "oidc_payloads"("uid");

-- CreateIndex
CREATE INDEX "oidc_payloads_userCode_idx" ON "oidc_payloads"("userCode");

-- CreateIndex
CREATE INDEX "oidc_payloads_accountId_clientId_idx" ON "oidc_payloads"("accountId", "clientId");

-- CreateIndex
CREATE INDEX "oidc_payloads_expiresAt_idx" ON "oidc_payloads"("expiresAt");

-- CreateIndex
CREATE INDEX "oidc_signing_keys_createdAt_idx" ON "oidc_signing_keys"("createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "oidc_clients_clientId_key" ON "oidc_clients"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "oidc_clients_eServiceId_key" ON "oidc_clients"("eServiceId");

-- CreateIndex
CREATE UNIQUE INDEX "oidc_logins_grantId_key" ON "oidc_logins"("grantId");

-- CreateIndex
CREATE INDEX "oidc_logins_accountId_endedAt_idx" ON "oidc_logins"("accountId", "endedAt");

-- CreateIndex
CREATE INDEX "oidc_logins_authSessionId_idx" ON "oidc_logins"("authSessionId");

-- CreateIndex
CREATE INDEX "oidc_logins_clientId_endedAt_idx" ON "oidc_logins"("clientId", "endedAt");

-- CreateIndex
CREATE INDEX "oidc_logout_deliveries_status_nextAttemptAt_idx" ON "oidc_logout_deliveries"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "oidc_clients" ADD CONSTRAINT "oidc_clients_eServiceId_fkey" FOREIGN KEY ("eServiceId") REFERENCES "e_services"("id") ON DELETE CASCADE ON UPDATE CASCADE;
