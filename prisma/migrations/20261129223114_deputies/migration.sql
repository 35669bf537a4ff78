-- CreateEnum
CREATE TYPE "DeputyStatus" AS ENUM ('PENDING', 'ACCEPTED');

-- CreateTable
CREATE TABLE "organisation_deputies" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "status" "DeputyStatus" NOT NULL DEFAULT 'PENDING',
    "designatedById" UUID,
    "designatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" TIMESTAMP(3),

    CONSTRAINT "organisation_deputies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisation_deputies_accountId_key" ON "organisation_deputies"("accountId");

-- CreateIndex
CREATE INDEX "organisation_deputies_organisationId_status_idx" ON "organisation_deputies"("organisationId", "status");

-- AddForeignKey
ALTER TABLE "organisation_deputies" ADD CONSTRAINT "organisation_deputies_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_deputies" ADD CONSTRAINT "organisation_deputies_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_deputies" ADD CONSTRAINT "organisation_deputies_designatedById_fkey" FOREIGN KEY ("designatedById") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;
