-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "activationLinkDueAt" TIMESTAMP(3);
