-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "formerNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "listed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "typeLiaison" INTEGER NOT NULL DEFAULT 0;

-- The former names (communes déléguées and associées, municipal arrondissements) are searched
-- with the commune that holds them (ORG-2): "Annecy-le-Vieux" finds Annecy.
CREATE OR REPLACE FUNCTION organisations_search_text() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  -- The name also without spaces, so that "labergement" finds "L'Abergement".
  NEW."searchText" := concat_ws(' ',
    portail_normalize(concat_ws(' ', NEW."name", NEW."code", NEW."inseeCode", NEW."siren", NEW."siret",
      array_to_string(NEW."postalCodes", ' '), array_to_string(NEW."formerNames", ' '))),
    replace(portail_normalize(NEW."name"), ' ', ''));
  RETURN NEW;
END
$$;

DROP TRIGGER organisations_search_text ON "organisations";
CREATE TRIGGER organisations_search_text
  BEFORE INSERT OR UPDATE OF "name", "code", "inseeCode", "siren", "siret", "postalCodes", "formerNames" ON "organisations"
  FOR EACH ROW EXECUTE FUNCTION organisations_search_text();

-- What has no legal representative of its own is no longer offered (ORG-2, issue 16 item 8):
-- communes déléguées and associées (codes suffixed D and A by the directory seed) and the
-- municipal arrondissements of Paris, Lyon and Marseille. Accounts already there keep them.
UPDATE "organisations" SET "listed" = false
WHERE "directoryManaged" AND "kind" = 'COMMUNE'
  AND ("code" ~ '^[0-9AB]{5}[DA]$' OR "legalRepresentativeTitle" = 'Maire d''arrondissement');
