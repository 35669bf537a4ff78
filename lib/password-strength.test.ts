import { describe, expect, it } from "vitest";
import { estimateStrength } from "./password-strength";

describe("PWD-2 strength meter", () => {
  it("scores a common password as weak", async () => {
    const strength = await estimateStrength("Azerty123", []);
    expect(strength.score).toBeLessThanOrEqual(1);
    expect(["Très faible", "Faible"]).toContain(strength.label);
  });

  it("uses the French dictionaries", async () => {
    expect(await estimateStrength("soleil", [])).toEqual({ score: 0, label: "Très faible" });
    expect((await estimateStrength("Grenouille", [])).score).toBeLessThanOrEqual(1);
  });

  it("penalises the person's own names, accents ignored", async () => {
    expect((await estimateStrength("Kerbrat-Quintin7", [])).score).toBe(4);
    expect((await estimateStrength("Kerbrat-Quintin7", ["Kérbrat-Quintin"])).score).toBe(0);
  });

  it("penalises each word of the user inputs", async () => {
    expect((await estimateStrength("Quintinkerbrat", [])).score).toBe(3);
    expect((await estimateStrength("Quintinkerbrat", ["Jean-Kérbrat", "Quintin"])).score).toBeLessThanOrEqual(1);
  });

  it("ignores empty user inputs", async () => {
    expect(await estimateStrength("q8#Vr!2mZ$kT9w@Lp4xE", ["", " "])).toEqual({ score: 4, label: "Excellent" });
  });

  it("scores a long random password as excellent", async () => {
    expect(await estimateStrength("q8#Vr!2mZ$kT9w@Lp4xE", [])).toEqual({ score: 4, label: "Excellent" });
  });
});
