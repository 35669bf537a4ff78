import { describe, expect, it, vi } from "vitest";
import { buildIdentifier, IdentifierError, normalizeNamePart } from "./identifiers";

const free = () => false;

function takenAmong(...taken: string[]) {
  const set = new Set(taken);
  return (candidate: string) => set.has(candidate);
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("ID-1 normalisation of each name", () => {
  it("builds the seed example", () => {
    expect(buildIdentifier("Frédéric", "DUPONT DURAND", free)).toBe("frederic-dupont-dura");
  });

  it("drops accents after Unicode decomposition", () => {
    expect(normalizeNamePart("Élodie")).toBe("elodie");
    expect(normalizeNamePart("Zoë")).toBe("zoe");
    expect(normalizeNamePart("Ñuñez")).toBe("nunez");
    expect(normalizeNamePart("François")).toBe("francois");
    expect(normalizeNamePart("ÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇ")).toBe("aaaeeeeiioouuuyc");
  });

  it("treats already decomposed input like composed input", () => {
    expect(normalizeNamePart("Ze\u0301phyr")).toBe("zephyr");
  });

  it("spells out ligatures, lower- and upper-case", () => {
    expect(normalizeNamePart("Lætitia")).toBe("laetitia");
    expect(normalizeNamePart("Cœur")).toBe("coeur");
    expect(normalizeNamePart("Strauß")).toBe("strauss");
    expect(normalizeNamePart("ŒDIPE")).toBe("oedipe");
    expect(normalizeNamePart("ÆLIS")).toBe("aelis");
    expect(normalizeNamePart("STRAUẞ")).toBe("strauss");
  });

  it("turns the Turkish dotted İ into a plain i", () => {
    expect(normalizeNamePart("İlker")).toBe("ilker");
    expect(normalizeNamePart("KILIÇ")).toBe("kilic");
  });

  it("replaces each run of other characters by one hyphen and trims hyphens", () => {
    expect(normalizeNamePart("d'Artagnan")).toBe("d-artagnan");
    expect(normalizeNamePart("  Jean -- ' Marie  ")).toBe("jean-marie");
    expect(normalizeNamePart("--Anne--")).toBe("anne");
    expect(normalizeNamePart("O’Neil")).toBe("o-neil");
    expect(normalizeNamePart("Louis XIV 2")).toBe("louis-xiv-2");
  });

  it("treats emoji and letters that NFD does not decompose as separators", () => {
    expect(normalizeNamePart("Zoë 😀 Lou")).toBe("zoe-lou");
    expect(normalizeNamePart("Łukasz")).toBe("ukasz");
    expect(normalizeNamePart("Анна")).toBe("");
  });

  it("joins first and last names with a hyphen", () => {
    expect(buildIdentifier("Anne", "Martin", free)).toBe("anne-martin");
    expect(buildIdentifier("Jean-Pierre", "Le Goff", free)).toBe("jean-pierre-le-goff");
  });
});

describe("ID-1 truncation to 20 characters", () => {
  it("cuts to exactly 20 characters", () => {
    const identifier = buildIdentifier("Frédéric", "DUPONT DURAND", free);
    expect(identifier).toHaveLength(20);
  });

  it("drops a hyphen left at the end by the cut", () => {
    // "maximilien-alexandre" is 20 characters; "abcdefghijklmnopqrs-" would end with a hyphen.
    expect(buildIdentifier("Maximilien", "Alexandre", free)).toBe("maximilien-alexandre");
    expect(buildIdentifier("Abcdefghijklmnopqrs", "Martin", free)).toBe("abcdefghijklmnopqrs");
    expect(buildIdentifier("Abcdefghijklmnopq", "Le Martin", free)).toBe("abcdefghijklmnopq-le");
    expect(buildIdentifier("Abcdefghijklmnop", "Le Martin", free)).toBe("abcdefghijklmnop-le");
    expect(buildIdentifier("Abcdefghijklmn", "Abcd Efgh", free)).toBe("abcdefghijklmn-abcd");
  });

  it("copes with very long names", () => {
    const identifier = buildIdentifier("A".repeat(5000), "B".repeat(5000), free);
    expect(identifier).toBe("a".repeat(20));
  });
});

describe("ID-1 collisions", () => {
  it("gives the second Frédéric Dupont Durand frederic-dupont-dur2", () => {
    expect(buildIdentifier("Frédéric", "DUPONT DURAND", takenAmong("frederic-dupont-dura"))).toBe(
      "frederic-dupont-dur2",
    );
  });

  it("appends the smallest free number, starting at 2", () => {
    expect(buildIdentifier("Anne", "Martin", takenAmong("anne-martin"))).toBe("anne-martin2");
    expect(buildIdentifier("Anne", "Martin", takenAmong("anne-martin", "anne-martin2"))).toBe("anne-martin3");
    // A gap is reused.
    expect(buildIdentifier("Anne", "Martin", takenAmong("anne-martin", "anne-martin3"))).toBe("anne-martin2");
  });

  it("does not cut a short base to add the number", () => {
    expect(buildIdentifier("Jean", "Dupont", takenAmong("jean-dupont"))).toBe("jean-dupont2");
  });

  it("cuts the base to 18 characters from the 10th identifier on", () => {
    const taken = ["frederic-dupont-dura"];
    for (let n = 2; n <= 9; n++) taken.push(`frederic-dupont-dur${n}`);
    expect(buildIdentifier("Frédéric", "DUPONT DURAND", takenAmong(...taken))).toBe("frederic-dupont-du10");
  });

  it("drops trailing hyphens again when cutting the base for the number", () => {
    // Base "abcdefghijklmnopqr-x": cut to 19 gives "abcdefghijklmnopqr-" → "abcdefghijklmnopqr".
    expect(buildIdentifier("Abcdefghijklmnopqr", "X", free)).toBe("abcdefghijklmnopqr-x");
    expect(buildIdentifier("Abcdefghijklmnopqr", "X", takenAmong("abcdefghijklmnopqr-x"))).toBe(
      "abcdefghijklmnopqr2",
    );
  });

  it("asks about candidates in order and stops at the first free one", () => {
    const isTaken = vi.fn((candidate: string) => candidate !== "anne-martin4");
    expect(buildIdentifier("Anne", "Martin", isTaken)).toBe("anne-martin4");
    expect(isTaken.mock.calls.map(([candidate]) => candidate)).toEqual([
      "anne-martin",
      "anne-martin2",
      "anne-martin3",
      "anne-martin4",
    ]);
  });

  it("never returns an identifier longer than 20 characters", () => {
    const seen: string[] = [];
    const identifier = buildIdentifier("Frédéric", "DUPONT DURAND", (candidate) => {
      seen.push(candidate);
      return seen.length < 1500;
    });
    // Cutting "frederic-dupont-dura" to 16 leaves a trailing hyphen, which is dropped.
    expect(identifier).toBe("frederic-dupont1500");
    expect(seen.every((candidate) => candidate.length <= 20)).toBe(true);
  });

  it("gives up after 10,000 attempts instead of looping forever", () => {
    const isTaken = vi.fn(() => true);
    expect(() => buildIdentifier("Anne", "Martin", isTaken)).toThrow(/10000 essais/);
    expect(isTaken).toHaveBeenCalledTimes(10_000);
    expect(isTaken).toHaveBeenLastCalledWith("anne-martin10000");
  });
});

describe("ID-1 synchronous and asynchronous isTaken", () => {
  it("returns a plain string when isTaken answers synchronously", () => {
    const identifier = buildIdentifier("Anne", "Martin", takenAmong("anne-martin"));
    expect(typeof identifier).toBe("string");
  });

  it("returns a Promise when isTaken answers with Promises", async () => {
    const taken = new Set(["anne-martin", "anne-martin2"]);
    const result = buildIdentifier("Anne", "Martin", async (candidate) => taken.has(candidate));
    expect(result).toBeInstanceOf(Promise);
    await expect(result).resolves.toBe("anne-martin3");
  });

  it("resolves to the base when the first async answer is 'free'", async () => {
    await expect(buildIdentifier("Anne", "Martin", () => Promise.resolve(false))).resolves.toBe("anne-martin");
  });

  it("switches to async when isTaken starts answering with Promises midway", async () => {
    const isTaken = (candidate: string) =>
      candidate === "anne-martin" ? true : Promise.resolve(candidate === "anne-martin2");
    await expect(buildIdentifier("Anne", "Martin", isTaken)).resolves.toBe("anne-martin3");
  });

  it("rejects when the async isTaken fails", async () => {
    const failure = new Error("database down");
    await expect(buildIdentifier("Anne", "Martin", () => Promise.reject(failure))).rejects.toBe(failure);
  });

  it("rejects after 10,000 async attempts", async () => {
    await expect(buildIdentifier("Anne", "Martin", async () => true)).rejects.toThrow(/10000 essais/);
  });
});

describe("ID-1 names that yield nothing usable", () => {
  it.each([
    ["only symbols", "!!! ---", "Martin", "firstName"],
    ["empty", "", "Martin", "firstName"],
    ["only spaces", "   ", "Martin", "firstName"],
    ["only emoji", "😀🎉", "Martin", "firstName"],
    ["empty last name", "Anne", "", "lastName"],
    ["last name of symbols", "Anne", "'-.", "lastName"],
    ["last name in another script", "Anne", "Иванова", "lastName"],
  ])("refuses %s", (_label, firstName, lastName, field) => {
    const error = catchError(() => buildIdentifier(firstName, lastName, free));
    expect(error).toBeInstanceOf(IdentifierError);
    expect((error as IdentifierError).field).toBe(field);
  });

  it("gives a clear French message for each field", () => {
    expect(() => buildIdentifier("???", "Martin", free)).toThrow(
      "Le prénom doit contenir au moins une lettre ou un chiffre.",
    );
    expect(() => buildIdentifier("Anne", "???", free)).toThrow(
      "Le nom doit contenir au moins une lettre ou un chiffre.",
    );
  });

  it("reports the first name first when both are unusable", () => {
    const error = catchError(() => buildIdentifier("", "", free));
    expect((error as IdentifierError).field).toBe("firstName");
  });

  it("rejects instead of throwing when isTaken is an async function", async () => {
    const isTaken = vi.fn(async () => false);
    const result = buildIdentifier("Anne", "😀", isTaken);
    expect(result).toBeInstanceOf(Promise);
    await expect(result).rejects.toMatchObject({ name: "IdentifierError", field: "lastName" });
    expect(isTaken).not.toHaveBeenCalled();
  });
});

describe("ID-1 result types", () => {
  it("types the result after isTaken", async () => {
    const preview: string = buildIdentifier("Anne", "Martin", () => false);
    const stored: Promise<string> = buildIdentifier("Anne", "Martin", async () => false);
    expect(preview).toBe("anne-martin");
    await expect(stored).resolves.toBe("anne-martin");
  });
});
