// How an organisation's name sits in a French sentence (issue 16 item 1): "d'Annecy",
// "du Havre", "de La Rochelle", "des Ulis", "de L'Haÿ-les-Roses", "à Annecy", "au Havre"…
// The rule is INSEE's TNCC ("type de nom en clair"), which @etalab/decoupage-administratif
// gives for every commune as `typeLiaison` and which the directory keeps in
// organisations.typeLiaison. Pure: no I/O, usable by pages, e-mails, letters and PDFs.

/** INSEE TNCC: 0 "de", 1 "d'", 2 "Le", 3 "La", 4 "Les", 5 "L'", 6 "Aux", 7 "Las", 8 "Los". */
export type TypeLiaison = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface NamedOrganisation {
  name: string;
  /** Any integer read from the database: unknown values read as 0 (plain "de"). */
  typeLiaison?: number | null;
}

export const TYPE_LIAISON_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;

/** What the operator picks when creating an organisation: each choice shows its effect. */
export const TYPE_LIAISON_LABELS: Record<TypeLiaison, string> = {
  0: "Sans article, commence par une consonne : « de Saint-Denis »",
  1: "Sans article, commence par une voyelle ou un h muet : « d'Annecy »",
  2: "Article « Le » : « du Havre »",
  3: "Article « La » : « de La Rochelle »",
  4: "Article « Les » : « des Ulis »",
  5: "Article « L' » : « de L'Haÿ-les-Roses »",
  6: "Article « Aux » : « des Marais »",
  7: "Article « Las » : « de Las Illas »",
  8: "Article « Los » : « de Los Masos »",
};

function typeOf(value: number | null | undefined): TypeLiaison {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 8 ? (value as TypeLiaison) : 0;
}

// The name without its leading article, for the contracted forms (du, des, au, aux).
function withoutArticle(name: string, article: string): string {
  const trimmed = name.trim();
  return trimmed.toLowerCase().startsWith(`${article.toLowerCase()} `) ? trimmed.slice(article.length + 1) : trimmed;
}

/** "de Saint-Denis", "d'Annecy", "du Havre", "de La Rochelle", "des Ulis", "de L'Haÿ-les-Roses". */
export function deNom(organisation: NamedOrganisation): string {
  const name = organisation.name.trim();
  switch (typeOf(organisation.typeLiaison)) {
    case 1:
      return `d'${name}`;
    case 2:
      return `du ${withoutArticle(name, "Le")}`;
    case 4:
      return `des ${withoutArticle(name, "Les")}`;
    case 6:
      return `des ${withoutArticle(name, "Aux")}`;
    default:
      // 0, 3 (La), 5 (L'), 7 (Las), 8 (Los): the article stays, capitalised, after "de".
      return `de ${name}`;
  }
}

/** "à Saint-Denis", "à Annecy", "au Havre", "à La Rochelle", "aux Ulis", "à L'Haÿ-les-Roses". */
export function aNom(organisation: NamedOrganisation): string {
  const name = organisation.name.trim();
  switch (typeOf(organisation.typeLiaison)) {
    case 2:
      return `au ${withoutArticle(name, "Le")}`;
    case 4:
      return `aux ${withoutArticle(name, "Les")}`;
    case 6:
      return `aux ${withoutArticle(name, "Aux")}`;
    default:
      return `à ${name}`;
  }
}

/** "Mairie d'Annecy", "Mairie du Havre": the recipient line of a commune's letters. */
export function mairieDe(organisation: NamedOrganisation, deleguee = false): string {
  return `${deleguee ? "Mairie déléguée" : "Mairie"} ${deNom(organisation)}`;
}

const ARTICLES: [RegExp, TypeLiaison][] = [
  [/^les\s/i, 4],
  [/^le\s/i, 2],
  [/^la\s/i, 3],
  [/^l['’]/i, 5],
  [/^aux\s/i, 6],
  [/^las\s/i, 7],
  [/^los\s/i, 8],
];

/**
 * A first guess for names the open data does not cover (EPCIs, organisations operators
 * create): the article if the name starts with one, else "d'" before a vowel. An initial
 * "h" is read as aspirated ("de Haguenau"): the operator corrects the rare "h" muet.
 */
export function guessTypeLiaison(name: string): TypeLiaison {
  const trimmed = name.trim();
  for (const [pattern, type] of ARTICLES) if (pattern.test(trimmed)) return type;
  return /^[aeiouyàâäéèêëîïôöùûüÿæœ]/i.test(trimmed) ? 1 : 0;
}
