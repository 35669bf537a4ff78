// The directory of organisations (ORG-1): every commune (including communes déléguées and
// associées and municipal arrondissements) and every EPCI of @etalab/decoupage-administratif.
// One INSERT … SELECT FROM unnest() per kind keeps the whole directory under a few seconds.
import { createRequire } from "node:module";
import type { Db } from "../../lib/db";
import { postalCityLine } from "../../lib/organisations/postal-address";

const require = createRequire(import.meta.url);

interface CommuneRecord {
  code: string;
  nom: string;
  type: "commune-actuelle" | "commune-deleguee" | "commune-associee" | "arrondissement-municipal";
  departement?: string;
  siren?: string;
  codesPostaux?: string[];
  population?: number;
  chefLieu?: string;
  commune?: string;
}

interface EpciRecord {
  code: string;
  nom: string;
  populationTotale?: number;
  membres: { code: string }[];
}

export interface DirectoryRow {
  kind: "COMMUNE" | "EPCI";
  code: string;
  name: string;
  inseeCode: string | null;
  siren: string | null;
  postalCodes: string[];
  departmentCode: string | null;
  population: number | null;
  legalRepresentativeTitle: string;
  addressRecipient: string;
  addressPostalCode: string | null;
  addressCity: string | null;
}

// Communes déléguées and associées share the INSEE code of their commune nouvelle: a
// suffix keeps organisation codes unique.
const CODE_SUFFIX: Record<CommuneRecord["type"], string> = {
  "commune-actuelle": "",
  "arrondissement-municipal": "",
  "commune-deleguee": "D",
  "commune-associee": "A",
};

const LEGAL_REPRESENTATIVE: Record<CommuneRecord["type"], string> = {
  "commune-actuelle": "Maire",
  "arrondissement-municipal": "Maire d'arrondissement",
  "commune-deleguee": "Maire délégué",
  "commune-associee": "Maire délégué",
};


export function directoryRows(): DirectoryRow[] {
  const communes = require("@etalab/decoupage-administratif/data/communes.json") as CommuneRecord[];
  const epcis = require("@etalab/decoupage-administratif/data/epci.json") as EpciRecord[];
  const postalCodesByInsee = new Map<string, string[]>();
  for (const commune of communes) {
    if (commune.type === "commune-actuelle") postalCodesByInsee.set(commune.code, commune.codesPostaux ?? []);
  }

  const rows: DirectoryRow[] = communes.map((commune) => {
    // Communes déléguées carry no postal codes of their own: use their commune nouvelle's.
    const postalCodes =
      commune.codesPostaux ?? postalCodesByInsee.get(commune.chefLieu ?? commune.commune ?? commune.code) ?? [];
    return {
      kind: "COMMUNE",
      code: commune.code + CODE_SUFFIX[commune.type],
      name: commune.nom,
      inseeCode: commune.code,
      siren: commune.siren ?? null,
      postalCodes,
      departmentCode: commune.departement ?? null,
      population: commune.population ?? null,
      legalRepresentativeTitle: LEGAL_REPRESENTATIVE[commune.type],
      addressRecipient: commune.type === "commune-actuelle" ? `Mairie de ${commune.nom}` : `Mairie déléguée de ${commune.nom}`,
      addressPostalCode: postalCodes[0] ?? null,
      addressCity: postalCityLine(commune.nom),
    };
  });

  for (const epci of epcis) {
    const postalCodes = [...new Set(epci.membres.flatMap((member) => postalCodesByInsee.get(member.code) ?? []))].sort();
    rows.push({
      kind: "EPCI",
      code: epci.code,
      name: epci.nom,
      inseeCode: null,
      siren: epci.code,
      postalCodes,
      departmentCode: null,
      population: epci.populationTotale ?? null,
      legalRepresentativeTitle: "Président",
      addressRecipient: epci.nom,
      // The seat's address is not in the open data: operators complete it (ORG-4).
      addressPostalCode: null,
      addressCity: null,
    });
  }
  return rows;
}

/** Inserts or refreshes the directory; rows an operator created or edited are left alone. */
export async function seedDirectory(db: Db): Promise<number> {
  const rows = directoryRows();
  const column = <K extends keyof DirectoryRow>(key: K) => rows.map((row) => row[key]);
  // Arrays of arrays cannot go through unnest(); postal codes travel as space-joined text.
  const inserted = await db.$executeRawUnsafe(
    `
    INSERT INTO "organisations" ("id", "kind", "code", "name", "inseeCode", "siren", "postalCodes", "departmentCode",
      "population", "legalRepresentativeTitle", "addressRecipient", "addressPostalCode", "addressCity", "updatedAt")
    SELECT gen_random_uuid(), kind::"OrganisationKind", code, name, insee, siren,
      CASE WHEN postal = '' THEN ARRAY[]::text[] ELSE string_to_array(postal, ' ') END,
      department, population, title, recipient, address_postal_code, address_city, now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[],
      $9::text[], $10::text[], $11::text[], $12::text[])
      AS source(kind, code, name, insee, siren, postal, department, population, title, recipient, address_postal_code, address_city)
    ON CONFLICT ("code") DO UPDATE SET
      "name" = EXCLUDED."name",
      "inseeCode" = EXCLUDED."inseeCode",
      "siren" = EXCLUDED."siren",
      "postalCodes" = EXCLUDED."postalCodes",
      "departmentCode" = EXCLUDED."departmentCode",
      "population" = EXCLUDED."population",
      "legalRepresentativeTitle" = EXCLUDED."legalRepresentativeTitle",
      "addressRecipient" = COALESCE("organisations"."addressRecipient", EXCLUDED."addressRecipient"),
      "addressPostalCode" = COALESCE("organisations"."addressPostalCode", EXCLUDED."addressPostalCode"),
      "addressCity" = COALESCE("organisations"."addressCity", EXCLUDED."addressCity"),
      "updatedAt" = now()
    WHERE "organisations"."directoryManaged"
      AND ("organisations"."name", "organisations"."siren", "organisations"."postalCodes", "organisations"."population")
        IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."siren", EXCLUDED."postalCodes", EXCLUDED."population")
    `,
    column("kind"),
    column("code"),
    column("name"),
    column("inseeCode"),
    column("siren"),
    rows.map((row) => row.postalCodes.join(" ")),
    column("departmentCode"),
    column("population"),
    column("legalRepresentativeTitle"),
    column("addressRecipient"),
    column("addressPostalCode"),
    column("addressCity"),
  );
  return inserted;
}
