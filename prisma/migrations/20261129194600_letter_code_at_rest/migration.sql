-- AlterTable
ALTER TABLE "admin_requests" ADD COLUMN     "codeCiphertext" TEXT,
ADD COLUMN     "codeKeyId" TEXT;

-- AlterTable
ALTER TABLE "letters" ADD COLUMN     "content" JSONB;

-- Letters already posted: their PDF carries the code in clear and is no longer needed to
-- print (issue 18, item 12). Without an encrypted copy of their code they cannot be
-- re-printed; a requester whose letter got lost asks for a new one (LR-7).
UPDATE "letters" SET "pdf" = NULL, "pdfPurgedAt" = CURRENT_TIMESTAMP WHERE "status" = 'POSTED' AND "pdf" IS NOT NULL;
