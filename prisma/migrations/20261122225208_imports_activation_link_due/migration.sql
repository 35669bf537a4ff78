-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "activationLinkDueAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "import_rows_accountId_idx" ON "import_rows"("accountId");
