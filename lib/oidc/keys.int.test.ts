import { describe, expect, it } from "vitest";
import { db } from "../db";
import { ensureSigningKey } from "./keys";

describe("SSO-1 several instances starting at once create one signing key (issue 17 item 4)", () => {
  it("eight concurrent first starts leave exactly one key, so every instance signs with the key every JWKS lists", async () => {
    await db.oidcSigningKey.deleteMany();
    await Promise.all(Array.from({ length: 8 }, () => ensureSigningKey(db)));
    expect(await db.oidcSigningKey.count({ where: { retiredAt: null } })).toBe(1);
  });
});
