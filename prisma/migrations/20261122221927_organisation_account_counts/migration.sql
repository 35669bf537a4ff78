-- CreateTable
CREATE TABLE "organisation_account_counts" (
    "organisationId" UUID NOT NULL,
    "status" "AccountStatus" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "organisation_account_counts_pkey" PRIMARY KEY ("organisationId","status")
);

-- AddForeignKey
ALTER TABLE "organisation_account_counts" ADD CONSTRAINT "organisation_account_counts_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Kept by statement-level triggers: one aggregate per statement (an import of thousands of
-- rows adds one delta per organisation and status), rows updated without a status change
-- add nothing.
CREATE OR REPLACE FUNCTION organisation_account_counts_apply() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "organisation_account_counts" ("organisationId", "status", "count")
    SELECT "organisationId", "status", count(*) FROM new_rows WHERE "organisationId" IS NOT NULL GROUP BY 1, 2
    ON CONFLICT ("organisationId", "status") DO UPDATE SET "count" = "organisation_account_counts"."count" + EXCLUDED."count";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "organisation_account_counts" c SET "count" = c."count" - d."n"
    FROM (SELECT "organisationId", "status", count(*) AS "n" FROM old_rows WHERE "organisationId" IS NOT NULL GROUP BY 1, 2) d
    WHERE c."organisationId" = d."organisationId" AND c."status" = d."status";
  ELSE
    INSERT INTO "organisation_account_counts" ("organisationId", "status", "count")
    SELECT "organisationId", "status", sum("delta") FROM (
      SELECT "organisationId", "status", 1 AS "delta" FROM new_rows
      UNION ALL
      SELECT "organisationId", "status", -1 AS "delta" FROM old_rows
    ) d WHERE "organisationId" IS NOT NULL GROUP BY 1, 2 HAVING sum("delta") <> 0
    ON CONFLICT ("organisationId", "status") DO UPDATE SET "count" = "organisation_account_counts"."count" + EXCLUDED."count";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER organisation_account_counts_insert
  AFTER INSERT ON "accounts" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION organisation_account_counts_apply();
CREATE TRIGGER organisation_account_counts_update
  AFTER UPDATE ON "accounts" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION organisation_account_counts_apply();
CREATE TRIGGER organisation_account_counts_delete
  AFTER DELETE ON "accounts" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION organisation_account_counts_apply();

INSERT INTO "organisation_account_counts" ("organisationId", "status", "count")
SELECT "organisationId", "status", count(*) FROM "accounts" WHERE "organisationId" IS NOT NULL GROUP BY 1, 2;
