// The directory of organisations (ORG-1): every commune actuelle and every EPCI of
// @etalab/decoupage-administratif: what can register (issue 16 item 8). Communes déléguées
// and associées and municipal arrondissements have no legal representative of their own:
// they are not organisations of the directory but former names of their commune, under which
// the search finds it ("Annecy — dont Annecy-le-Vieux").
// One INSERT … SELECT FROM unnest() keeps the whole directory under a few seconds.
import { createRequire } from "node:module";
import type { Db } from "../../lib/db";
import { guessTypeLiaison, mairieDe } from "../../lib/french/names";
import { postalCityLine } from "../../lib/organisations/postal-address";

const require = createRequire(import.meta.url);

interface CommuneRecord {
  code: string;
  nom: string;
  /** INSEE's TNCC (0–8): how the name takes its article (lib/french/names.ts). */
  typeLiaison?: number;
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
  typeLiaison: number;
  formerNames: string[];
  addressRecipient: string;
  addressPostalCode: string | null;
  addressCity: string | null;
}

// The commune that holds a commune déléguée or associée, or a municipal arrondissement.
function holderOf(commune: CommuneRecord): string | undefined {
  return commune.type === "commune-deleguee" ? commune.chefLieu : commune.commune;
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > counts.get(best)!) best = value;
  return best;
}

export function directoryRows(): DirectoryRow[] {
  const communes = require("@etalab/decoupage-administratif/data/communes.json") as CommuneRecord[];
  const epcis = require("@etalab/decoupage-administratif/data/epci.json") as EpciRecord[];
  const current = communes.filter((commune) => commune.type === "commune-actuelle");
  const byCode = new Map(current.map((commune) => [commune.code, commune]));
  const formerNames = new Map<string, string[]>();
  for (const commune of communes) {
    const holder = commune.type === "commune-actuelle" ? undefined : holderOf(commune);
    const nouvelle = holder ? byCode.get(holder) : undefined;
    if (!nouvelle || nouvelle.nom === commune.nom) continue;
    const names = formerNames.get(nouvelle.code) ?? [];
    if (!names.includes(commune.nom)) names.push(commune.nom);
    formerNames.set(nouvelle.code, names);
  }

  const rows: DirectoryRow[] = current.map((commune) => {
    const postalCodes = commune.codesPostaux ?? [];
    const typeLiaison = commune.typeLiaison ?? guessTypeLiaison(commune.nom);
    return {
      kind: "COMMUNE",
      code: commune.code,
      name: commune.nom,
      inseeCode: commune.code,
      siren: commune.siren ?? null,
      postalCodes,
      departmentCode: commune.departement ?? null,
      population: commune.population ?? null,
      legalRepresentativeTitle: "Maire",
      typeLiaison,
      formerNames: (formerNames.get(commune.code) ?? []).sort((a, b) => a.localeCompare(b, "fr")),
      addressRecipient: mairieDe({ name: commune.nom, typeLiaison }),
      addressPostalCode: postalCodes[0] ?? null,
      addressCity: postalCityLine(commune.nom),
    };
  });

  for (const epci of epcis) {
    const members = epci.membres.map((member) => byCode.get(member.code)).filter((member) => member !== undefined);
    const postalCodes = [...new Set(members.flatMap((member) => member.codesPostaux ?? []))].sort();
    rows.push({
      kind: "EPCI",
      code: epci.code,
      name: epci.nom,
      inseeCode: null,
      siren: epci.code,
      postalCodes,
      // The open data has no seat: the département of most member communes, for the search.
      departmentCode: mostCommon(members.flatMap((member) => (member.departement ? [member.departement] : []))),
      population: epci.populationTotale ?? null,
      legalRepresentativeTitle: "Président",
      typeLiaison: guessTypeLiaison(epci.nom),
      formerNames: [],
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
  // Former names travel as text joined by a character no name holds.
  const inserted = await db.$executeRawUnsafe(
    `
    INSERT INTO "organisations" ("id", "kind", "code", "name", "inseeCode", "siren", "postalCodes", "departmentCode",
      "population", "legalRepresentativeTitle", "addressRecipient", "addressPostalCode", "addressCity", "typeLiaison",
      "formerNames", "listed", "updatedAt")
    SELECT gen_random_uuid(), kind::"OrganisationKind", code, name, insee, siren,
      CASE WHEN postal = '' THEN ARRAY[]::text[] ELSE string_to_array(postal, ' ') END,
      department, population, title, recipient, address_postal_code, address_city, liaison,
      CASE WHEN former = '' THEN ARRAY[]::text[] ELSE string_to_array(former, '|') END, true, now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[],
      $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::text[])
      AS source(kind, code, name, insee, siren, postal, department, population, title, recipient, address_postal_code,
        address_city, liaison, former)
    ON CONFLICT ("code") DO UPDATE SET
      "name" = EXCLUDED."name",
      "inseeCode" = EXCLUDED."inseeCode",
      "siren" = EXCLUDED."siren",
      "postalCodes" = EXCLUDED."postalCodes",
      "departmentCode" = EXCLUDED."departmentCode",
      "population" = EXCLUDED."population",
      "legalRepresentativeTitle" = EXCLUDED."legalRepresentativeTitle",
      "typeLiaison" = EXCLUDED."typeLiaison",
      "formerNames" = EXCLUDED."formerNames",
      "listed" = true,
      -- No operator ever edited a directory-managed row: the recipient line follows the open
      -- data (it said "Mairie de Annecy" before the names took their article, issue 16).
      "addressRecipient" = EXCLUDED."addressRecipient",
      "addressPostalCode" = COALESCE("organisations"."addressPostalCode", EXCLUDED."addressPostalCode"),
      "addressCity" = COALESCE("organisations"."addressCity", EXCLUDED."addressCity"),
      "updatedAt" = now()
    WHERE "organisations"."directoryManaged"
      AND ("organisations"."name", "organisations"."siren", "organisations"."postalCodes", "organisations"."population",
        "organisations"."departmentCode", "organisations"."typeLiaison", "organisations"."formerNames",
        "organisations"."listed", "organisations"."addressRecipient")
        IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."siren", EXCLUDED."postalCodes", EXCLUDED."population",
        EXCLUDED."departmentCode", EXCLUDED."typeLiaison", EXCLUDED."formerNames", true, EXCLUDED."addressRecipient")
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
    column("typeLiaison"),
    rows.map((row) => row.formerNames.join("|")),
  );
  // Directory rows that left the open data (communes déléguées and associées, municipal
  // arrondissements, communes merged since) are no longer offered; their accounts stay.
  const unlisted = await db.$executeRawUnsafe(
    `UPDATE "organisations" SET "listed" = false, "updatedAt" = now()
     WHERE "directoryManaged" AND "listed" AND "kind" IN ('COMMUNE', 'EPCI') AND NOT ("code" = ANY($1::text[]))`,
    column("code"),
  );
  return inserted + unlisted;
}
