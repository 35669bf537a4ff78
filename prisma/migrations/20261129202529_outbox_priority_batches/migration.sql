-- CreateEnum
CREATE TYPE "EmailPriority" AS ENUM ('TRANSACTIONAL', 'BULK');

-- DropIndex
DROP INDEX "outbox_emails_status_nextAttemptAt_idx";

-- AlterTable
ALTER TABLE "outbox_emails" ADD COLUMN     "batchKey" UUID,
ADD COLUMN     "priority" "EmailPriority" NOT NULL DEFAULT 'TRANSACTIONAL';

-- CreateIndex
CREATE INDEX "outbox_emails_status_priority_nextAttemptAt_idx" ON "outbox_emails"("status", "priority", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "outbox_emails_batchKey_idx" ON "outbox_emails"("batchKey");
