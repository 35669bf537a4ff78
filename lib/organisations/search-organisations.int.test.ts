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
