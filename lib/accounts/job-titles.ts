// Job titles that may appear in what the portal says to a legal representative (LR-2): the
// letter's sentence "Madame X, secrétaire de mairie, souhaite devenir administratrice…" and
// the validation page's summary. The "Fonction" field stays free text (people describe their
// job as they like, in their space and in the administrator's lists), but the portal only
// repeats, in an official letter, a title from this closed list: anything else typed there
// could make the letter say whatever its author wants (issue 18, item 11). The form offers the
// list as suggestions; a title outside it is simply left out of the letter.
// Pure: used by the registration form (suggestions) and by the letter's service.

export interface JobTitle {
  /** As the suggestion list shows it, both genders. */
  label: string;
  /** As printed inside a sentence, for "Monsieur" and for "Madame". */
  masculine: string;
  feminine: string;
}

export const JOB_TITLES: readonly JobTitle[] = [
  { label: "Secrétaire de mairie", masculine: "secrétaire de mairie", feminine: "secrétaire de mairie" },
  { label: "Secrétaire général(e) de mairie", masculine: "secrétaire général de mairie", feminine: "secrétaire générale de mairie" },
  { label: "Directeur ou directrice général(e) des services", masculine: "directeur général des services", feminine: "directrice générale des services" },
  {
    label: "Directeur ou directrice général(e) adjoint(e) des services",
    masculine: "directeur général adjoint des services",
    feminine: "directrice générale adjointe des services",
  },
  { label: "Directeur ou directrice des systèmes d'information", masculine: "directeur des systèmes d'information", feminine: "directrice des systèmes d'information" },
  { label: "Responsable informatique", masculine: "responsable informatique", feminine: "responsable informatique" },
  { label: "Responsable des ressources humaines", masculine: "responsable des ressources humaines", feminine: "responsable des ressources humaines" },
  { label: "Responsable des finances", masculine: "responsable des finances", feminine: "responsable des finances" },
  { label: "Agent administratif", masculine: "agent administratif", feminine: "agente administrative" },
  { label: "Agent d'accueil", masculine: "agent d'accueil", feminine: "agente d'accueil" },
  { label: "Maire", masculine: "maire", feminine: "maire" },
  { label: "Adjoint(e) au maire", masculine: "adjoint au maire", feminine: "adjointe au maire" },
  { label: "Président(e)", masculine: "président", feminine: "présidente" },
  { label: "Élu(e)", masculine: "élu", feminine: "élue" },
];

/** Accent-, case-, apostrophe- and spacing-insensitive key of a title. */
function key(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/^[\s.,;:]+|[\s.,;:]+$/g, "");
}

const BY_KEY = new Map<string, JobTitle>(
  JOB_TITLES.flatMap((title) => [title.label, title.masculine, title.feminine].map((text) => [key(text), title] as const)),
);

/**
 * The title to print in a sentence addressed to the legal representative: the list's own
 * wording, in the requester's gender, when what they typed is one of the list's titles (in
 * either gender, accents and case aside); null for anything else, which is never printed.
 */
export function letterJobTitle(typed: string | null | undefined, civility: string): string | null {
  if (!typed) return null;
  const title = BY_KEY.get(key(typed));
  if (!title) return null;
  return civility === "MADAME" ? title.feminine : title.masculine;
}
