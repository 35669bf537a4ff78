// Département names for the directory's options (issue 16 item 8: "Annecy · Haute-Savoie (74)").
import departements from "@etalab/decoupage-administratif/data/departements.json";

const NAMES = new Map((departements as { code: string; nom: string }[]).map((departement) => [departement.code, departement.nom]));

/** "Haute-Savoie (74)", the code alone when unknown (overseas collectivities), null without one. */
export function departmentLabel(code: string | null | undefined): string | null {
  if (!code) return null;
  const name = NAMES.get(code);
  return name ? `${name} (${code})` : code;
}
