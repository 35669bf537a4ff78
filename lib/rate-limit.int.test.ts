// SEC-2 / SEC-8: the database-kept limits, charged on several limits in one statement.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "./db";
import { hit, hitAll, type RateRule } from "./rate-limit";

const rule = (limit: number, windowSeconds = 600): RateRule => ({ name: `test-${randomUUID()}`, limit, windowSeconds });
const points = async (name: string, subject: string) => (await db.rateLimitBucket.findUnique({ where: { key: `${name}:${subject}` } }))?.points;

describe("SEC-8 several limits charged at once, all or nothing", () => {
  it("records one attempt on each limit, and says the longest wait of the refusing ones", async () => {
    const short = rule(2, 60);
    const long = rule(3, 3600);
    expect(await hitAll(db, [[short, "a"], [long, "b"]])).toMatchObject({ allowed: true, count: 1 });
    expect(await hitAll(db, [[short, "a"], [long, "b"]])).toMatchObject({ allowed: true, count: 2 });
    expect(await points(short.name, "a")).toBe(2);
    expect(await points(long.name, "b")).toBe(2);
    // `short` refuses: `long` gets its attempt back, and the wait is short's.
    const refused = await hitAll(db, [[short, "a"], [long, "b"]]);
    expect(refused).toMatchObject({ allowed: false, count: 2 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await points(short.name, "a")).toBe(2);
    expect(await points(long.name, "b")).toBe(2);
  });

  it("a refusal by both limits answers the longer wait and takes nothing", async () => {
    const short = rule(1, 60);
    const long = rule(1, 3600);
    await hitAll(db, [[short, "a"], [long, "b"]]);
    const refused = await hitAll(db, [[short, "a"], [long, "b"]]);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(3000);
    expect([await points(short.name, "a"), await points(long.name, "b")]).toEqual([1, 1]);
  });

  it("50 concurrent callers charging the same two limits in opposite orders: at most the limit allowed, no deadlock", async () => {
    const first = rule(7);
    const second = rule(1000);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        hitAll(db, index % 2 ? [[first, "x"], [second, "y"]] : [[second, "y"], [first, "x"]]),
      ),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(7);
    expect(await points(first.name, "x")).toBe(7);
    // The 43 refused attempts were given back to the other limit.
    expect(await points(second.name, "y")).toBe(7);
  });

  it("a single limit: counted until the limit, then refused with the window's remaining time", async () => {
    const single = rule(2, 900);
    expect(await hit(db, single, "Z")).toMatchObject({ allowed: true, count: 1 });
    expect(await hit(db, single, "z")).toMatchObject({ allowed: true, count: 2 });
    const refused = await hit(db, single, "z");
    expect(refused).toMatchObject({ allowed: false, count: 2 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(890);
  });

  it("an ended window starts again at one", async () => {
    const single = rule(1, 900);
    await hit(db, single, "w");
    await db.rateLimitBucket.update({ where: { key: `${single.name}:w` }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await hit(db, single, "w")).toMatchObject({ allowed: true, count: 1 });
  });
});
