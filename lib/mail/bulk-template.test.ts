import { describe, expect, it } from "vitest";
import { prepareBulkTemplate } from "./bulk-template";
import { renderEmail } from "./render";
import type { ImportWelcomeEmailData } from "./templates";

const support = { email: "aide@portail.test", phone: "01 02 03 04 05", hours: "en semaine, de 9 h à 17 h" };
const fixed = { resendUrl: "https://portail.test/activation/renvoyer", expiresInHours: 72, kind: "welcome" as const };
const VARIABLES = ["identifier", "firstName", "organisationName", "activationUrl"] as const;

type Person = Pick<ImportWelcomeEmailData, (typeof VARIABLES)[number]>;

const people: Person[] = [
  { identifier: "lea-martin", firstName: "Léa", organisationName: "Commune de Saint-Exemple", activationUrl: "https://portail.test/activation/abc" },
  // Everything HTML gives a meaning to, in text and in the link.
  {
    identifier: "o-brien-2",
    firstName: `<script>alert("x")</script> & 'Zoé'`,
    organisationName: `École "Les <Tilleuls>" & Cie d'Été`,
    activationUrl: "https://portail.test/activation/x?a=1&b=\"2\"",
  },
  // A preview longer than React Email's 150 characters: it is cut, without padding.
  { identifier: "x".repeat(160), firstName: "Anaïs", organisationName: "O".repeat(5), activationUrl: "https://portail.test/activation/def" },
];

describe("MAIL-1 bulk templates: rendered once, filled per person, identical to a full render", () => {
  it("fills the welcome e-mail exactly as React Email renders it, escaping what HTML would read", async () => {
    const template = await prepareBulkTemplate("import-welcome", fixed, VARIABLES, people[0], { support });
    expect(template).not.toBeNull();
    for (const person of people) {
      const expected = await renderEmail({ template: "import-welcome", data: { ...fixed, ...person } }, { support });
      expect(template!.fill(person)).toEqual(expected);
    }
    const filled = template!.fill(people[1]);
    expect(filled.html).not.toContain("<script>");
    expect(filled.text).toContain(`<script>alert("x")</script> & 'Zoé'`);
  });

  it("is at least 50 times faster than rendering each message", async () => {
    const template = (await prepareBulkTemplate("import-welcome", fixed, VARIABLES, people[0], { support }))!;
    const count = 2_000;
    const started = performance.now();
    for (let index = 0; index < count; index += 1) {
      template.fill({ ...people[index % 2], identifier: `personne-${index}` });
    }
    const perSecond = count / ((performance.now() - started) / 1000);
    // React Email renders 8 to 40 per second on these machines.
    expect(perSecond).toBeGreaterThan(2_000);
  });
});
