-- Extensions for accent-insensitive organisation search (ORG-2).
CREATE EXTENSION IF NOT EXISTS "pg_trgm";
CREATE EXTENSION IF NOT EXISTS "unaccent";

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('COMMUNE', 'EPCI', 'ASSOCIATION', 'PUBLIC_BODY', 'COMPANY', 'OTHER');

-- CreateEnum
CREATE TYPE "AccountRole" AS ENUM ('USER', 'ADMINISTRATOR', 'OPERATOR');

-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('PENDING_ACTIVATION', 'PENDING_VALIDATION', 'ACTIVE', 'DEACTIVATED');

-- CreateEnum
CREATE TYPE "DeactivationReason" AS ENUM ('INACTIVITY', 'NEVER_ACTIVATED', 'INVALIDATED', 'CLOSED_BY_OWNER');

-- CreateEnum
CREATE TYPE "Civility" AS ENUM ('MADAME', 'MONSIEUR');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('ACTIVATION', 'PASSWORD_RESET', 'EMAIL_CHANGE', 'TICKET_ACCESS');

-- CreateEnum
CREATE TYPE "AdminRequestStatus" AS ENUM ('PENDING', 'CONFIRMED', 'SUPERSEDED', 'LOCKED', 'EXPIRED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "LetterStatus" AS ENUM ('QUEUED', 'POSTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "TicketCategory" AS ENUM ('ACCESS', 'VALIDATION_LETTER', 'ACCOUNT', 'E_SERVICES', 'DASHBOARDS', 'IMPORTS', 'OTHER');

-- CreateEnum
CREATE TYPE "TicketAuthor" AS ENUM ('REQUESTER', 'OPERATOR');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PREVIEWED', 'QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ImportRowOutcome" AS ENUM ('CREATED', 'UPDATED', 'UNCHANGED', 'REFUSED');

-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "organisations" (
    "id" UUID NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "inseeCode" TEXT,
    "siren" TEXT,
    "siret" TEXT,
    "postalCodes" TEXT[],
    "departmentCode" TEXT,
    "population" INTEGER,
    "legalRepresentativeTitle" TEXT NOT NULL,
    "addressRecipient" TEXT,
    "addressStreet" TEXT,
    "addressComplement" TEXT,
    "addressPostalCode" TEXT,
    "addressCity" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "organisations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "organisationId" UUID,
    "identifier" TEXT NOT NULL,
    "civility" "Civility" NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerifiedAt" TIMESTAMP(3),
    "phone" TEXT,
    "jobTitle" TEXT,
    "category" TEXT,
    "passwordHash" TEXT,
    "role" "AccountRole" NOT NULL DEFAULT 'USER',
    "status" "AccountStatus" NOT NULL DEFAULT 'PENDING_ACTIVATION',
    "deactivationReason" "DeactivationReason",
    "statusNote" TEXT,
    "deactivatedAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "validatedAt" TIMESTAMP(3),
    "termsAcceptedAt" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastLoginAt" TIMESTAMP(3),
    "inactivityWarnedAt" TIMESTAMP(3),
    "openingDate" DATE,
    "welcomeSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_events" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "organisationId" UUID,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tokens" (
    "id" UUID NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "accountId" UUID,
    "email" TEXT,
    "ticketId" UUID,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "invalidatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_requests" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "organisationId" UUID NOT NULL,
    "requesterId" UUID NOT NULL,
    "status" "AdminRequestStatus" NOT NULL DEFAULT 'PENDING',
    "codeHash" TEXT NOT NULL,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "confirmedFromIp" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "admin_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "letters" (
    "id" UUID NOT NULL,
    "adminRequestId" UUID NOT NULL,
    "sender" TEXT NOT NULL DEFAULT 'print-queue',
    "addressLines" TEXT[],
    "status" "LetterStatus" NOT NULL DEFAULT 'QUEUED',
    "pdf" BYTEA,
    "pdfPurgedAt" TIMESTAMP(3),
    "postedAt" TIMESTAMP(3),
    "postedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "letters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "e_services" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "termsText" TEXT NOT NULL,
    "handlesHealthData" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "e_services_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscriptions" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "eServiceId" UUID NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "termsAcceptedAt" TIMESTAMP(3) NOT NULL,
    "subscribedById" UUID,
    "endedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "permissions" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "eServiceId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "grantedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "permissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "health_consents" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "eServiceId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "health_consents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_emails" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "links" TEXT[],
    "template" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "providerId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_emails_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "organisationId" UUID,
    "targetType" TEXT,
    "targetId" TEXT,
    "targetLabel" TEXT,
    "details" JSONB,
    "ipAddress" TEXT,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_tickets" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "category" "TicketCategory" NOT NULL,
    "status" "TicketStatus" NOT NULL DEFAULT 'OPEN',
    "organisationId" UUID,
    "organisationLabel" TEXT,
    "accountId" UUID,
    "contactEmail" TEXT NOT NULL,
    "stepsTried" TEXT,
    "context" JSONB,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "support_tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_messages" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "author" "TicketAuthor" NOT NULL,
    "authorId" UUID,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_daily_figures" (
    "organisationId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "metric" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portal_daily_figures_pkey" PRIMARY KEY ("organisationId","day","metric")
);

-- CreateTable
CREATE TABLE "e_service_daily_figures" (
    "eServiceId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "metric" TEXT NOT NULL,
    "label" TEXT,
    "value" DECIMAL(18,4) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "e_service_daily_figures_pkey" PRIMARY KEY ("eServiceId","organisationId","day","metric")
);

-- CreateTable
CREATE TABLE "e_service_api_keys" (
    "id" UUID NOT NULL,
    "eServiceId" UUID NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" UUID,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "e_service_api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imports" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "createdById" UUID,
    "fileName" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'PREVIEWED',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "refusedCount" INTEGER NOT NULL DEFAULT 0,
    "errorMessage" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_rows" (
    "id" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "outcome" "ImportRowOutcome" NOT NULL,
    "reason" TEXT,
    "data" JSONB NOT NULL,
    "accountId" UUID,

    CONSTRAINT "import_rows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_buckets" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" UUID NOT NULL,
    "job" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "status" "JobRunStatus" NOT NULL DEFAULT 'RUNNING',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "instanceId" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "error" TEXT,
    "result" JSONB,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisations_code_key" ON "organisations"("code");

-- CreateIndex
CREATE INDEX "organisations_siren_idx" ON "organisations"("siren");

-- CreateIndex
CREATE INDEX "organisations_inseeCode_idx" ON "organisations"("inseeCode");

-- CreateIndex
CREATE INDEX "organisations_searchText_idx" ON "organisations" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_identifier_key" ON "accounts"("identifier");

-- CreateIndex
CREATE INDEX "accounts_email_idx" ON "accounts"("email");

-- CreateIndex
CREATE INDEX "accounts_organisationId_status_lastName_firstName_idx" ON "accounts"("organisationId", "status", "lastName", "firstName");

-- CreateIndex
CREATE INDEX "accounts_status_lastLoginAt_idx" ON "accounts"("status", "lastLoginAt");

-- CreateIndex
CREATE INDEX "accounts_status_openingDate_idx" ON "accounts"("status", "openingDate");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_organisationId_email_key" ON "accounts"("organisationId", "email");

-- CreateIndex
CREATE INDEX "login_events_accountId_createdAt_idx" ON "login_events"("accountId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "login_events_organisationId_createdAt_idx" ON "login_events"("organisationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "tokens_tokenHash_key" ON "tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "tokens_accountId_purpose_idx" ON "tokens"("accountId", "purpose");

-- CreateIndex
CREATE INDEX "tokens_expiresAt_idx" ON "tokens"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "admin_requests_number_key" ON "admin_requests"("number");

-- CreateIndex
CREATE INDEX "admin_requests_organisationId_status_idx" ON "admin_requests"("organisationId", "status");

-- CreateIndex
CREATE INDEX "admin_requests_requesterId_status_idx" ON "admin_requests"("requesterId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "letters_adminRequestId_key" ON "letters"("adminRequestId");

-- CreateIndex
CREATE INDEX "letters_status_createdAt_idx" ON "letters"("status", "createdAt");

-- CreateIndex
CREATE INDEX "letters_postedAt_idx" ON "letters"("postedAt");

-- CreateIndex
CREATE UNIQUE INDEX "e_services_slug_key" ON "e_services"("slug");

-- CreateIndex
CREATE INDEX "subscriptions_organisationId_eServiceId_startDate_idx" ON "subscriptions"("organisationId", "eServiceId", "startDate");

-- CreateIndex
CREATE INDEX "permissions_organisationId_eServiceId_idx" ON "permissions"("organisationId", "eServiceId");

-- CreateIndex
CREATE UNIQUE INDEX "permissions_accountId_eServiceId_key" ON "permissions"("accountId", "eServiceId");

-- CreateIndex
CREATE UNIQUE INDEX "health_consents_accountId_eServiceId_key" ON "health_consents"("accountId", "eServiceId");

-- CreateIndex
CREATE INDEX "outbox_emails_status_nextAttemptAt_idx" ON "outbox_emails"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "outbox_emails_to_createdAt_idx" ON "outbox_emails"("to", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "outbox_emails_createdAt_idx" ON "outbox_emails"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "audit_events_organisationId_createdAt_idx" ON "audit_events"("organisationId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "audit_events_createdAt_idx" ON "audit_events"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "audit_events_action_createdAt_idx" ON "audit_events"("action", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "support_tickets_number_key" ON "support_tickets"("number");

-- CreateIndex
CREATE INDEX "support_tickets_status_category_createdAt_idx" ON "support_tickets"("status", "category", "createdAt");

-- CreateIndex
CREATE INDEX "support_tickets_accountId_createdAt_idx" ON "support_tickets"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "ticket_messages_ticketId_createdAt_idx" ON "ticket_messages"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "e_service_daily_figures_organisationId_day_idx" ON "e_service_daily_figures"("organisationId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "e_service_api_keys_prefix_key" ON "e_service_api_keys"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "e_service_api_keys_keyHash_key" ON "e_service_api_keys"("keyHash");

-- CreateIndex
CREATE INDEX "e_service_api_keys_eServiceId_idx" ON "e_service_api_keys"("eServiceId");

-- CreateIndex
CREATE INDEX "imports_organisationId_createdAt_idx" ON "imports"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "imports_status_idx" ON "imports"("status");

-- CreateIndex
CREATE INDEX "import_rows_importId_outcome_idx" ON "import_rows"("importId", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "import_rows_importId_rowNumber_key" ON "import_rows"("importId", "rowNumber");

-- CreateIndex
CREATE INDEX "rate_limit_buckets_expiresAt_idx" ON "rate_limit_buckets"("expiresAt");

-- CreateIndex
CREATE INDEX "job_runs_status_leaseUntil_idx" ON "job_runs"("status", "leaseUntil");

-- CreateIndex
CREATE UNIQUE INDEX "job_runs_job_periodKey_key" ON "job_runs"("job", "periodKey");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_events" ADD CONSTRAINT "login_events_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_events" ADD CONSTRAINT "login_events_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "support_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_requests" ADD CONSTRAINT "admin_requests_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_requests" ADD CONSTRAINT "admin_requests_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters" ADD CONSTRAINT "letters_adminRequestId_fkey" FOREIGN KEY ("adminRequestId") REFERENCES "admin_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters" ADD CONSTRAINT "letters_postedById_fkey" FOREIGN KEY ("postedById") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_eServiceId_fkey" FOREIGN KEY ("eServiceId") REFERENCES "e_services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_subscribedById_fkey" FOREIGN KEY ("subscribedById") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permissions" ADD CONSTRAINT "permissions_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permissions" ADD CONSTRAINT "permissions_eServiceId_fkey" FOREIGN KEY ("eServiceId") REFERENCES "e_services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permissions" ADD CONSTRAINT "permissions_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permissions" ADD CONSTRAINT "permissions_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_consents" ADD CONSTRAINT "health_consents_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_consents" ADD CONSTRAINT "health_consents_eServiceId_fkey" FOREIGN KEY ("eServiceId") REFERENCES "e_services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "support_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_daily_figures" ADD CONSTRAINT "portal_daily_figures_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "e_service_daily_figures" ADD CONSTRAINT "e_service_daily_figures_eServiceId_fkey" FOREIGN KEY ("eServiceId") REFERENCES "e_services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "e_service_daily_figures" ADD CONSTRAINT "e_service_daily_figures_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "e_service_api_keys" ADD CONSTRAINT "e_service_api_keys_eServiceId_fkey" FOREIGN KEY ("eServiceId") REFERENCES "e_services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "e_service_api_keys" ADD CONSTRAINT "e_service_api_keys_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_importId_fkey" FOREIGN KEY ("importId") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ─── What Prisma's schema cannot express ─────────────────────────────────

-- Search normalisation shared by the trigger and the queries: accents and ligatures
-- removed (unaccent), lower case, every run of other characters turned into one space.
CREATE OR REPLACE FUNCTION portail_normalize(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^a-z0-9]+', ' ', 'g')) $$;

CREATE OR REPLACE FUNCTION organisations_search_text() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  -- The name also without spaces, so that "labergement" finds "L'Abergement".
  NEW."searchText" := concat_ws(' ',
    portail_normalize(concat_ws(' ', NEW."name", NEW."code", NEW."inseeCode", NEW."siren", NEW."siret", array_to_string(NEW."postalCodes", ' '))),
    replace(portail_normalize(NEW."name"), ' ', ''));
  RETURN NEW;
END
$$;

CREATE TRIGGER organisations_search_text
  BEFORE INSERT OR UPDATE OF "name", "code", "inseeCode", "siren", "siret", "postalCodes" ON "organisations"
  FOR EACH ROW EXECUTE FUNCTION organisations_search_text();

-- Operators are platform accounts; everybody else belongs to exactly one organisation (ORG-5).
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_operator_without_organisation"
  CHECK (("role" = 'OPERATOR') = ("organisationId" IS NULL));
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_email_lower_case" CHECK ("email" = lower("email"));

-- The audit log is append-only (ADM-5).
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END
$$;

CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
