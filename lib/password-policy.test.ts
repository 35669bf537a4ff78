import { describe, expect, it } from "vitest";
import { checkPassword, PASSWORD_PROBLEM_LABELS, PASSWORD_PROBLEMS, type PasswordContext } from "./password-policy";

const STRONG = "Trombone-Lilas-47";

function problems(password: string, context: PasswordContext = {}) {
  return checkPassword(password, context).problems;
}

describe("PWD-1 length and character classes", () => {
  it("accepts a strong password", () => {
    expect(checkPassword(STRONG, {})).toEqual({ ok: true, problems: [] });
  });

  it("requires at least 8 characters", () => {
    expect(problems("Vx7kQ2w")).toEqual(["too_short"]);
    expect(problems("Vx7kQ2wz")).toEqual([]);
  });

  it("allows at most 128 characters", () => {
    const base = "Vx7kQ2wz";
    expect(problems(base.repeat(16))).toEqual([]);
    expect(problems(base.repeat(16) + "a")).toEqual(["too_long"]);
  });

  it("counts Unicode code points, so an emoji is one character", () => {
    // 7 code points but 8 UTF-16 code units.
    expect(problems("Vx7kQ2😀")).toEqual(["too_short"]);
    expect(problems("Vx7kQ2😀z")).toEqual([]);
    expect(problems("Vx7kQ2wz" + "😀".repeat(120))).toEqual([]);
    expect(problems("Vx7kQ2wz" + "😀".repeat(121))).toEqual(["too_long"]);
  });

  it("requires a digit", () => {
    expect(problems("Trombone-Lilas")).toEqual(["no_digit"]);
  });

  it("accepts decimal digits from other scripts", () => {
    expect(problems("Trombone-Lilas-٤٧")).toEqual([]);
  });

  it("requires a lower-case letter", () => {
    expect(problems("TROMBONE-LILAS-47")).toEqual(["no_lowercase"]);
  });

  it("requires an upper-case letter", () => {
    expect(problems("trombone-lilas-47")).toEqual(["no_uppercase"]);
  });

  it("judges letters by Unicode case", () => {
    expect(problems("ÉTÉ-ÉCLAIR-47")).toEqual(["no_lowercase"]);
    expect(problems("Été-éclair-47")).toEqual([]);
    expect(problems("Été-ÉCLAIR-47")).toEqual([]);
    // ß is a lower-case letter.
    expect(problems("ẞTRAẞE-ßKW-47")).toEqual([]);
    expect(problems("ÇA-MARCHE-47")).toEqual(["no_lowercase"]);
  });

  it("does not count symbols or emoji as letters", () => {
    expect(problems("12345678!?😀")).toEqual(["no_lowercase", "no_uppercase"]);
  });
});

describe("PWD-2 personal information", () => {
  const context: PasswordContext = {
    firstName: "Frédéric",
    lastName: "DUPONT DURAND",
    identifier: "frederic-dupont-dura",
    email: "fred.lapin@example.fr",
  };

  it("refuses the first name, accent- and case-insensitively", () => {
    expect(problems("Frederic2024!", { firstName: "Frédéric" })).toContain("contains_personal_info");
    expect(problems("xxFRÉDÉRICxx1A", { firstName: "Frederic" })).toContain("contains_personal_info");
  });

  it("cuts multi-word and hyphenated names into words", () => {
    expect(problems("Trombone-Durand-47", context)).toEqual(["contains_personal_info"]);
    expect(problems("Trombone-Dupont-47", context)).toEqual(["contains_personal_info"]);
    expect(problems("Lilas-Claire-47", { firstName: "Anne-Claire" })).toEqual(["contains_personal_info"]);
    expect(problems("Lilas-Annette-47", { firstName: "Anne-Claire" })).toEqual(["contains_personal_info"]);
  });

  it("refuses parts of the identifier", () => {
    expect(problems("Trombone-Dura-47", context)).toEqual(["contains_personal_info"]);
    expect(problems("Trombone-Dur2-47", { identifier: "frederic-dupont-dur2" })).toEqual(["contains_personal_info"]);
  });

  it("refuses parts of the e-mail's local part", () => {
    expect(problems("Trombone-Lapin-47", context)).toEqual(["contains_personal_info"]);
    expect(problems("Trombone-Example-47", context)).toEqual([]);
  });

  it("ignores words shorter than 3 characters", () => {
    expect(problems("Trombone-Lilas-47", { firstName: "Li", lastName: "Bo", identifier: "li-bo" })).toEqual([]);
    expect(problems("Trombone-Lilas-47", { lastName: "Lil" })).toEqual(["contains_personal_info"]);
  });

  it("folds ligatures and ß on both sides", () => {
    expect(problems("Trombone-Strasse-47", { lastName: "Straße" })).toEqual(["contains_personal_info"]);
    expect(problems("Trombone-Cœur-47", { lastName: "Coeur" })).toEqual(["contains_personal_info"]);
  });

  it("keeps decomposed accents inside words", () => {
    expect(problems("Trombone-Zoe-47", { firstName: "Zoe\u0308" })).toEqual(["contains_personal_info"]);
  });

  it("accepts a password with no personal word", () => {
    expect(checkPassword(STRONG, context)).toEqual({ ok: true, problems: [] });
  });

  it("accepts an empty or missing context", () => {
    expect(problems(STRONG, { firstName: "", lastName: "", identifier: "", email: "" })).toEqual([]);
  });
});

describe("PWD-2 common passwords", () => {
  it.each(["Azerty123", "AZERTY123", "Password1", "Qwerty123", "Abcd1234", "Iloveyou1"])(
    "refuses %s, which is in the list",
    (password) => {
      expect(problems(password)).toContain("too_common");
    },
  );

  it.each(["Motdepasse1", "Soleil2024!", "Marseille13", "Bonjour1!"])(
    "refuses %s, a short common word followed by digits or symbols",
    (password) => {
      expect(problems(password)).toEqual(["too_common"]);
    },
  );

  it("accepts a common word once the whole password exceeds 12 characters", () => {
    expect(problems("Motdepasse1!")).toEqual(["too_common"]);
    expect(problems("Motdepasse2024!")).toEqual([]);
  });

  it("only strips the end of the password", () => {
    expect(problems("1Motdepasse")).toEqual([]);
  });

  it("reports short well-known passwords as too common too", () => {
    expect(problems("1234")).toContain("too_common");
  });

  it("accepts an uncommon password", () => {
    expect(problems("Vx7kQ2wz")).toEqual([]);
  });
});

describe("PWD-3 checkPassword result", () => {
  it("lists every problem once, in the order of PASSWORD_PROBLEMS", () => {
    expect(problems("")).toEqual(["too_short", "no_digit", "no_lowercase", "no_uppercase"]);
    expect(problems("dupont", { lastName: "Dupont" })).toEqual([
      "too_short",
      "no_digit",
      "no_uppercase",
      "contains_personal_info",
      "too_common",
    ]);
  });

  it("is ok exactly when there is no problem", () => {
    expect(checkPassword("azerty123", {}).ok).toBe(false);
    expect(checkPassword(STRONG, {}).ok).toBe(true);
  });

  it("has a French label for every problem", () => {
    expect(Object.keys(PASSWORD_PROBLEM_LABELS).sort()).toEqual([...PASSWORD_PROBLEMS].sort());
    expect(PASSWORD_PROBLEM_LABELS.too_short).toBe("Au moins 8 caractères");
    expect(PASSWORD_PROBLEM_LABELS.too_long).toBe("Au plus 128 caractères");
  });
});
