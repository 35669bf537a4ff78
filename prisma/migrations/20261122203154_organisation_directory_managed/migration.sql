-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "directoryManaged" BOOLEAN NOT NULL DEFAULT true;
