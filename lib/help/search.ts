// Searching the help centre (HELP-1): accent- and case-insensitive, several words, each of
// which must appear somewhere in the question, the answer or the keywords of an entry.
// Runs in the browser on the content already on the page, so results come without a reload.
// Written here rather than with a search library: the content is a few dozen entries, and
// the rules (French accents, ligatures, small words ignored) fit in a few lines.
import type { HelpBlock, HelpEntry } from "./content";
import { plainText } from "./text";

/** Lower-case, without accents; "œ" and "æ" spelled out; every other symbol a space. */
export function normalizeForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// Words too common to tell entries apart: a question typed as a sentence still matches.
const IGNORED = new Set([
  "a", "au", "aux", "ce", "c", "d", "de", "des", "du", "en", "et", "j", "je", "l", "la", "le", "les", "m", "ma", "me",
  "mes", "mon", "n", "ne", "ou", "pas", "pour", "qu", "que", "s", "se", "sur", "un", "une", "y", "est", "il", "elle",
]);

export function searchWords(query: string): string[] {
  return [...new Set(normalizeForSearch(query).split(" ").filter((word) => word && !IGNORED.has(word)))];
}

function blockText(block: HelpBlock): string {
  if (typeof block === "string") return plainText(block);
  return ("steps" in block ? block.steps : block.points).map(plainText).join(" ");
}

// Entries are static data: each one is normalised once, not at every keystroke.
const prepared = new WeakMap<HelpEntry, { text: string; question: string }>();

function preparedEntry(entry: HelpEntry) {
  let found = prepared.get(entry);
  if (!found) {
    found = {
      text: ` ${normalizeForSearch([entry.question, ...entry.answer.map(blockText), ...(entry.keywords ?? [])].join(" "))} `,
      question: ` ${normalizeForSearch(entry.question)} `,
    };
    prepared.set(entry, found);
  }
  return found;
}

/** The normalised text an entry is searched in. */
export function searchableText(entry: HelpEntry): string {
  return preparedEntry(entry).text.trim();
}

/**
 * The ids of the entries matching every word of the query, best first (words found in the
 * question weigh more); all entries, in their order, when the query has no usable word.
 */
export function searchHelp(entries: HelpEntry[], query: string): string[] {
  const words = searchWords(query);
  if (words.length === 0) return entries.map((entry) => entry.id);
  const scored: { id: string; score: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    const { text: haystack, question } = preparedEntry(entry);
    if (!words.every((word) => haystack.includes(word))) return;
    const score = words.reduce((total, word) => total + (question.includes(` ${word}`) ? 2 : 0) + (haystack.includes(` ${word} `) ? 1 : 0), 0);
    scored.push({ id: entry.id, score, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((hit) => hit.id);
}
