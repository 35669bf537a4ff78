-- AlterTable
ALTER TABLE "support_tickets" ADD COLUMN     "requesterRepliedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "support_tickets_status_createdAt_id_idx" ON "support_tickets"("status", "createdAt", "id");
