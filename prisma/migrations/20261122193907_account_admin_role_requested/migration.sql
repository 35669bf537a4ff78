-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "adminRoleRequestedAt" TIMESTAMP(3);
