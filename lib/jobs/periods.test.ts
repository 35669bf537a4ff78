import { describe, expect, it } from "vitest";
import { periodKey } from "./periods";

describe("Jobs: period keys in Europe/Paris", () => {
  it("uses the French calendar day, not UTC's", () => {
    // 23:30 UTC on 31 December is already 1 January in Paris (UTC+1 in winter).
    expect(periodKey(new Date("2025-12-31T23:30:00Z"), "day")).toBe("2026-01-01");
    expect(periodKey(new Date("2025-12-31T22:59:00Z"), "day")).toBe("2025-12-31");
  });

  it("follows summer time (UTC+2)", () => {
    expect(periodKey(new Date("2026-07-14T22:15:00Z"), "day")).toBe("2026-07-15");
    expect(periodKey(new Date("2026-07-14T21:59:00Z"), "hour")).toBe("2026-07-14T23");
  });

  it("gives two distinct hours on the night clocks go back", () => {
    // 26 October 2025: 02:00–03:00 happens twice in Paris; the keys say the local hour.
    expect(periodKey(new Date("2025-10-26T00:30:00Z"), "hour")).toBe("2025-10-26T02");
    expect(periodKey(new Date("2025-10-26T01:30:00Z"), "hour")).toBe("2025-10-26T02");
    expect(periodKey(new Date("2025-10-26T02:30:00Z"), "hour")).toBe("2025-10-26T03");
  });

  it("formats minute keys", () => {
    expect(periodKey(new Date("2026-03-05T08:07:59Z"), "minute")).toBe("2026-03-05T09:07");
  });
});
