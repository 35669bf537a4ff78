// Strength meter shown while typing (PWD-2). Advisory only: checkPassword decides what is accepted.
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { foldText } from "./identifiers";

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface Strength {
  score: StrengthScore;
  label: string;
}

export const STRENGTH_LABELS: Record<StrengthScore, string> = {
  0: "Très faible",
  1: "Faible",
  2: "Moyen",
  3: "Bon",
  4: "Excellent",
};

let estimator: Promise<ZxcvbnFactory> | undefined;

// The dictionaries weigh several hundred kB: load them only when someone starts typing a password.
async function loadEstimator(): Promise<ZxcvbnFactory> {
  const [core, common, fr] = await Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-fr"),
  ]);
  return new core.ZxcvbnFactory({
    translations: fr.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...fr.dictionary },
    useLevenshteinDistance: true,
  });
}

// zxcvbn matches each user input as one token, accents included: also give it each input without
// accents and each of its words, as PWD-2 cuts them.
function expandUserInputs(userInputs: string[]): string[] {
  const expanded = new Set<string>();
  for (const input of userInputs) {
    const folded = foldText(input);
    for (const variant of [input, folded, ...folded.split(/[^\p{L}\p{N}]+/u)]) {
      if ([...variant].length >= 3) expanded.add(variant);
    }
  }
  return [...expanded];
}

export async function estimateStrength(password: string, userInputs: string[]): Promise<Strength> {
  estimator ??= loadEstimator().catch((error: unknown) => {
    // Let a later keystroke retry, e.g. after a network hiccup while fetching the chunk.
    estimator = undefined;
    throw error;
  });
  const { score } = (await estimator).check(password, expandUserInputs(userInputs));
  return { score, label: STRENGTH_LABELS[score] };
}
