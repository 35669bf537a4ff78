-- AlterTable
ALTER TABLE "e_services" ADD COLUMN     "requiresSecondFactor" BOOLEAN NOT NULL DEFAULT false;
