-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "accounts_searchText_idx" ON "accounts" USING GIN ("searchText" gin_trgm_ops);

-- The text the administrator's searches match (ADM-2), normalised like the organisations'.
CREATE OR REPLACE FUNCTION accounts_search_text() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW."searchText" := portail_normalize(concat_ws(' ', NEW."firstName", NEW."lastName", NEW."identifier", NEW."email"));
  RETURN NEW;
END
$$;

CREATE TRIGGER accounts_search_text
  BEFORE INSERT OR UPDATE OF "firstName", "lastName", "identifier", "email" ON "accounts"
  FOR EACH ROW EXECUTE FUNCTION accounts_search_text();

UPDATE "accounts" SET "searchText" = portail_normalize(concat_ws(' ', "firstName", "lastName", "identifier", "email"));
