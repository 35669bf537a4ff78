import { describe, expect, it } from "vitest";
import { isDatabaseUnavailableError, RETRY_AFTER_SECONDS, UNAVAILABLE_TITLE, unavailableAnswer } from "./database-availability";

describe("issue 17 item 4: a database outage is told apart from a query's own error", () => {
  it("recognises Prisma's, the driver adapter's and node-postgres' ways of saying the server is gone", () => {
    // As Prisma 7 with @prisma/adapter-pg throws them (observed against a stopped server).
    expect(isDatabaseUnavailableError({ name: "PrismaClientKnownRequestError", code: "P1001", meta: {} })).toBe(true);
    expect(
      isDatabaseUnavailableError({
        name: "PrismaClientKnownRequestError",
        code: "P2010",
        meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } } },
      }),
    ).toBe(true);
    expect(isDatabaseUnavailableError({ cause: { kind: "postgres", originalCode: "57P01", originalMessage: "terminating connection due to administrator command" } })).toBe(true);
    expect(isDatabaseUnavailableError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailableError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailableError(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
  });

  it("leaves real errors alone: a unique violation, a user error, nothing", () => {
    expect(isDatabaseUnavailableError({ name: "PrismaClientKnownRequestError", code: "P2002", meta: { target: ["email"] } })).toBe(false);
    expect(isDatabaseUnavailableError(new Error("Cet import est introuvable."))).toBe(false);
    expect(isDatabaseUnavailableError(undefined)).toBe(false);
    const loop: Record<string, unknown> = { message: "boucle" };
    loop.cause = loop;
    expect(isDatabaseUnavailableError(loop)).toBe(false);
  });

  it("answers pages with a French HTML page and the API with JSON, both 503 with Retry-After and never cached", () => {
    const page = unavailableAnswer("/espace", "text/html,application/xhtml+xml");
    expect(page.status).toBe(503);
    expect(page.headers["Retry-After"]).toBe(String(RETRY_AFTER_SECONDS));
    expect(page.headers["Cache-Control"]).toBe("no-store");
    expect(page.headers["Content-Type"]).toContain("text/html");
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain(`<h1>${UNAVAILABLE_TITLE}</h1>`);

    for (const path of ["/api/organisations", "/oidc/token"]) {
      const api = unavailableAnswer(path, "*/*");
      expect(api.headers["Content-Type"]).toContain("application/json");
      expect(JSON.parse(api.body)).toMatchObject({ error: "service_unavailable", retryAfterSeconds: RETRY_AFTER_SECONDS });
      expect(JSON.parse(api.body).message).toContain(UNAVAILABLE_TITLE);
    }
  });
});
