-- DropIndex
DROP INDEX "audit_events_createdAt_idx";

-- DropIndex
DROP INDEX "audit_events_organisationId_createdAt_idx";

-- CreateIndex
CREATE INDEX "audit_events_organisationId_createdAt_id_idx" ON "audit_events"("organisationId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_events_createdAt_id_idx" ON "audit_events"("createdAt" DESC, "id" DESC);
