import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/organisations/route";
import { seedDirectory } from "@/prisma/seed/directory";
import { db } from "../db";
import { searchOrganisations } from "./search-organisations";

beforeAll(async () => {
  await seedDirectory(db);
});

const names = async (query: string, limit = 5) => (await searchOrganisations(db, query, limit)).map((hit) => hit.name);

describe("ORG-2 organisation search over the whole directory", () => {
  it("ignores accents, case, hyphens and apostrophes", async () => {
    for (const query of ["Saint-Étienne", "saint etienne", "SAINT ETIENNE", "st-etienne", "St Étienne"]) {
      expect((await names(query))[0], query).toBe("Saint-Étienne");
    }
    expect(await names("labergement clemenciat")).toContain("L'Abergement-Clémenciat");
  });

  it("matches ligatures both ways", async () => {
    expect(await names("oeuilly")).toContain("Œuilly");
    expect(await names("Œuilly")).toContain("Œuilly");
  });

  it("finds by postal code, INSEE code, SIREN and organisation code", async () => {
    expect((await names("42000")).slice(0, 2).sort()).toEqual(["Saint-Étienne", "Saint-Étienne Métropole"]);
    expect(await names("42218")).toEqual(["Saint-Étienne"]);
    expect(await names("214202186")).toEqual(["Saint-Étienne"]);
    expect(await names("242500361")).toEqual(["CU Grand Besançon Métropole"]);
  });

  it("requires every word and ranks the exact name first", async () => {
    expect(await names("besancon metropole")).toEqual(["CU Grand Besançon Métropole"]);
    expect((await names("paris"))[0]).toBe("Paris");
    expect((await names("y"))[0]).toBe("Y");
  });

  it("returns nothing for empty or symbol-only input, and treats symbols as separators", async () => {
    expect(await searchOrganisations(db, "   ")).toEqual([]);
    expect(await searchOrganisations(db, "%%%")).toEqual([]);
    expect(await searchOrganisations(db, "saint_etienne_")).not.toHaveLength(0);
    expect(await searchOrganisations(db, "zzqxw")).toEqual([]);
  });

  it("answers the combobox route with JSON, and refuses bad queries with a French message", async () => {
    const ok = await GET(new Request("http://127.0.0.1/api/organisations?q=Besan%C3%A7on&limit=3"));
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.results.length).toBeLessThanOrEqual(3);
    expect(body.results[0]).toMatchObject({ name: "Besançon", kind: "COMMUNE", code: "25056" });

    const empty = await GET(new Request("http://127.0.0.1/api/organisations?q=%20"));
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toBe("Saisissez au moins un caractère.");

    const tooLong = await GET(new Request(`http://127.0.0.1/api/organisations?q=${"a".repeat(10_000)}`));
    expect(tooLong.status).toBe(400);

    const badLimit = await GET(new Request("http://127.0.0.1/api/organisations?q=paris&limit=abc"));
    expect(badLimit.status).toBe(400);
  });
});

describe("ORG-2 / issue 16 item 8: the directory offers only what can register", () => {
  it("finds a commune nouvelle by a commune déléguée's name, and says which", async () => {
    const response = await GET(new Request("http://127.0.0.1/api/organisations?q=Annecy-le-Vieux&limit=5"));
    const { results } = await response.json();
    expect(results[0]).toMatchObject({ name: "Annecy", formerName: "Annecy-le-Vieux", department: "Haute-Savoie (74)", siren: "200063402" });
    expect(results.map((option: { name: string }) => option.name)).not.toContain("Annecy-le-Vieux");
  });

  it("offers Annecy once, with its département and SIREN, and no former name when the name matches", async () => {
    const { results } = await (await GET(new Request("http://127.0.0.1/api/organisations?q=Annecy&limit=10"))).json();
    const annecys = results.filter((option: { name: string }) => option.name === "Annecy");
    expect(annecys).toHaveLength(1);
    expect(annecys[0]).toMatchObject({ kind: "COMMUNE", formerName: null, department: "Haute-Savoie (74)" });
  });

  it("does not offer municipal arrondissements, but finds their city", async () => {
    const { results } = await (await GET(new Request("http://127.0.0.1/api/organisations?q=Lyon%201er%20Arrondissement&limit=5"))).json();
    expect(results[0]).toMatchObject({ name: "Lyon", formerName: "Lyon 1er Arrondissement" });
  });

  it("unlists directory rows that left the open data, and keeps operators' own organisations", async () => {
    const stale = await db.organisation.create({
      data: { kind: "COMMUNE", name: "Commune disparue", code: "99999D", legalRepresentativeTitle: "Maire délégué" },
    });
    const own = await db.organisation.create({
      data: { kind: "ASSOCIATION", name: "Association disparue", code: "ASSO-DISP", legalRepresentativeTitle: "Président", directoryManaged: false },
    });
    await seedDirectory(db);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: stale.id } })).listed).toBe(false);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: own.id } })).listed).toBe(true);
    const { results } = await (await GET(new Request("http://127.0.0.1/api/organisations?q=disparue"))).json();
    expect(results.map((option: { name: string }) => option.name)).toEqual(["Association disparue"]);
    // Operators still find every row.
    expect((await searchOrganisations(db, "disparue")).map((hit) => hit.name).sort()).toEqual(["Association disparue", "Commune disparue"]);
  });
});
