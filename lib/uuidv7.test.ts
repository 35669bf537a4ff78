// Login events are inserted with raw SQL (ACC-5 login throughput): their ids stay UUIDv7.
import { describe, expect, it } from "vitest";
import { uuidv7 } from "./uuidv7";

describe("ACC-5 uuidv7 for rows written in raw SQL", () => {
  it("has version 7, the RFC variant, the time in its first 48 bits, and is unique", () => {
    const at = new Date("2026-11-22T21:30:00.123Z");
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at.getTime());
    expect(new Set(Array.from({ length: 1000 }, () => uuidv7(at))).size).toBe(1000);
    expect(uuidv7(new Date(at.getTime() + 1)) > uuidv7(at)).toBe(true);
  });
});
