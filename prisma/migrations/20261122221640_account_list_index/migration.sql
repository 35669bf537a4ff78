-- DropIndex
DROP INDEX "accounts_organisationId_status_lastName_firstName_idx";

-- CreateIndex
CREATE INDEX "accounts_organisationId_status_lastName_firstName_id_idx" ON "accounts"("organisationId", "status", "lastName", "firstName", "id");
