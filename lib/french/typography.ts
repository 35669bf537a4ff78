// French typography for every text the portal renders (issue 16 item 7), applied by ONE
// function where text is rendered (the portal's JSX runtime, lib/french/jsx-runtime.ts, for
// pages, components, e-mails and PDFs; the e-mail renderer and the PDF text component for the
// strings they receive), never by hand in each string:
// - a narrow no-break space (U+202F) before ; ! ? and a no-break space (U+00A0) before : and
//   inside « », so that no line ever starts with a lone ";" or "»";
// - "1er" for the first day of a month ("1er janvier", never "1 janvier");
// - one apostrophe: the straight ' (the one keyboards type, the one people search for and the
//   one the accessible names of the interface use); curly ones are straightened.
// Pure and idempotent. Never inserts a space where there was none before ":" (times "9:30",
// addresses "https://…" stay whole); before ; ! ? it inserts one only at the end of a word.

export const NBSP = "\u00a0";
export const NNBSP = "\u202f";

const MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
const HORIZONTAL_SPACE = "[ \\t\\u00a0\\u202f]";

const RULES: [RegExp, string][] = [
  // One apostrophe style.
  [/[’ʼ]/g, "'"],
  // Spaces already typed before the high punctuation become no-break ones.
  [new RegExp(`${HORIZONTAL_SPACE}+([;!?])`, "g"), `${NNBSP}$1`],
  [new RegExp(`${HORIZONTAL_SPACE}+:`, "g"), `${NBSP}:`],
  // None typed after a word: add it (only before a space or the end, so "?q=" in a URL and
  // "?!" stay as they are).
  [/([\p{L}\p{N}»)])([;!?])(?=\s|$)/gu, `$1${NNBSP}$2`],
  [/(\p{L})(:)(?=\s)/gu, `$1${NBSP}$2`],
  // Inside guillemets.
  [new RegExp(`«${HORIZONTAL_SPACE}*`, "g"), `«${NBSP}`],
  [new RegExp(`${HORIZONTAL_SPACE}*»`, "g"), `${NBSP}»`],
  // The first day of a month.
  [new RegExp(`(?<![\\p{N}])1(${HORIZONTAL_SPACE}+)(${MONTHS})(?![\\p{L}])`, "gu"), "1er$1$2"],
];

// Every rule needs one of these characters: most strings (names, figures, labels) have none,
// and the JSX runtime calls typeset for the text of every element rendered.
const TRIGGERS = /[’ʼ;!?:«»1]/;

/** The text with French typography applied (see the rules above). */
export function typeset(text: string): string {
  if (!TRIGGERS.test(text)) return text;
  let result = text;
  for (const [pattern, replacement] of RULES) result = result.replace(pattern, replacement);
  return result;
}
