-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "anonymisedAt" TIMESTAMP(3),
ADD COLUMN     "invitedAt" TIMESTAMP(3),
ADD COLUMN     "invitedById" UUID;

-- CreateIndex
CREATE INDEX "accounts_organisationId_invitedAt_idx" ON "accounts"("organisationId", "invitedAt");

-- CreateIndex
CREATE INDEX "accounts_status_deactivatedAt_idx" ON "accounts"("status", "deactivatedAt");

-- CreateIndex
CREATE INDEX "audit_events_actorId_idx" ON "audit_events"("actorId");

-- CreateIndex
CREATE INDEX "audit_events_targetId_idx" ON "audit_events"("targetId");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- DEP-5: the audit log stays append-only, with one narrow exception. A transaction that has
-- set `portail.anonymising` (SET LOCAL, only the retention job does) may replace the labels
-- and details naming an anonymised person with their pseudonym and clear the address the
-- person acted from; which event it is, who (by id), what, on what and when never change,
-- and no event can be deleted.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('portail.anonymising', true) = 'on'
     AND NEW."id" = OLD."id"
     AND NEW."createdAt" = OLD."createdAt"
     AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
     AND NEW."actorRole" IS NOT DISTINCT FROM OLD."actorRole"
     AND NEW."action" = OLD."action"
     AND NEW."organisationId" IS NOT DISTINCT FROM OLD."organisationId"
     AND NEW."targetType" IS NOT DISTINCT FROM OLD."targetType"
     AND NEW."targetId" IS NOT DISTINCT FROM OLD."targetId"
     AND (NEW."ipAddress" IS NULL OR NEW."ipAddress" IS NOT DISTINCT FROM OLD."ipAddress") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END
$$;
