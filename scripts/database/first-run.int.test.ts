import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { loadOnFirstRun } from "./first-run";

describe("Issue 17 item 4: instances started together on an empty database load the first run's data once", () => {
  it("three concurrent starts: one loads, the others wait and find the directory there", async () => {
    await db.organisation.deleteMany();
    let loads = 0;
    const load = async () => {
      loads += 1;
      // Slow as the real directory is, so that the others would see it empty without the lock.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await db.organisation.create({
        data: { kind: "COMMUNE", name: "Commune du premier démarrage", code: "T-FIRST", legalRepresentativeTitle: "Maire", postalCodes: ["01000"], addressRecipient: "Mairie", addressPostalCode: "01000", addressCity: "TESTVILLE" },
      });
    };
    const url = process.env.DATABASE_URL!;
    const ran = await Promise.all([loadOnFirstRun(url, load), loadOnFirstRun(url, load), loadOnFirstRun(url, load)]);
    expect(loads).toBe(1);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(await db.organisation.count()).toBe(1);
  });
});
