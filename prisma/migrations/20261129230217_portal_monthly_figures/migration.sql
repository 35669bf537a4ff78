-- CreateTable
CREATE TABLE "portal_monthly_figures" (
    "organisationId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "metric" TEXT NOT NULL,
    "sum" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "portal_monthly_figures_pkey" PRIMARY KEY ("organisationId","month","metric")
);

-- AddForeignKey
ALTER TABLE "portal_monthly_figures" ADD CONSTRAINT "portal_monthly_figures_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
