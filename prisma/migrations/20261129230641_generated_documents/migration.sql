-- CreateTable
CREATE TABLE "generated_documents" (
    "kind" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "generated_documents_pkey" PRIMARY KEY ("kind","version")
);
