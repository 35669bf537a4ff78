import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../db";
import { enqueueEmail, type EmailMessage } from "./outbox";

function reminder(identifier: string): EmailMessage {
  return {
    template: "identifier-reminder",
    data: { accounts: [{ identifier, organisationName: "Commune de Test" }], loginUrl: `https://portail.test/connexion?pour=${identifier}` },
  };
}

const request = (query = "") => new Request(`http://127.0.0.1:3000/api/dev/mailbox${query}`);

/** The route and the page as a fresh import, so that lib/env.ts reads the environment again. */
async function freshModules() {
  vi.resetModules();
  const route = await import("@/app/api/dev/mailbox/route");
  const htmlRoute = await import("@/app/api/dev/mailbox/[id]/html/route");
  const page = await import("@/app/dev/mailbox/page");
  return { GET: route.GET, getHtml: htmlRoute.GET, Page: page.default };
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  // Distinct creation times, oldest first.
  for (const [address, identifier] of [
    ["agent.a@commune.test", "agent-a"],
    ["Agent.B@Commune.test", "agent-b"],
    ["agent.a@commune.test", "agent-a-bis"],
  ] as const) {
    ids[identifier] = await enqueueEmail(db, address, reminder(identifier));
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("MAIL-2 GET /api/dev/mailbox returns the outbox as JSON", () => {
  it("lists every message, newest first, with exactly the documented fields", async () => {
    const { GET } = await freshModules();
    const response = await GET(request());
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>[];
    expect(body.map((message) => message.to)).toEqual(["agent.a@commune.test", "agent.b@commune.test", "agent.a@commune.test"]);
    expect(Object.keys(body[0]).sort()).toEqual(["createdAt", "html", "links", "subject", "text", "to"]);
    expect(body[0]).toMatchObject({
      subject: "Votre identifiant de connexion",
      links: ["https://portail.test/connexion?pour=agent-a-bis"],
    });
    expect(body[0].text).toContain("agent-a-bis");
    expect(body[0].html).toContain("agent-a-bis");
    expect(new Date(body[0].createdAt as string).getTime()).toBeGreaterThan(new Date(body[1].createdAt as string).getTime());
  });

  it("filters by recipient, whatever the case of the address asked for", async () => {
    const { GET } = await freshModules();
    const body = (await (await GET(request("?to=%20AGENT.A@Commune.Test%20"))).json()) as { text: string }[];
    expect(body).toHaveLength(2);
    expect(body[0].text).toContain("agent-a-bis");
    expect(body[1].text).toContain("agent-a");
    expect(await (await GET(request("?to=nobody@commune.test"))).json()).toEqual([]);
  });

  it("returns at most the 200 newest messages", async () => {
    const template = await db.outboxEmail.findUniqueOrThrow({ where: { id: ids["agent-a"] } });
    await db.outboxEmail.createMany({
      data: Array.from({ length: 205 }, (_, index) => ({
        to: "bulk@commune.test",
        subject: `Message ${index}`,
        text: template.text,
        html: template.html,
        links: [],
        template: "identifier-reminder",
        createdAt: new Date(Date.UTC(2020, 0, 1, 0, 0, index)),
      })),
    });
    const { GET } = await freshModules();
    const all = (await (await GET(request())).json()) as { subject: string }[];
    expect(all).toHaveLength(200);
    expect(all[0].subject).toBe("Votre identifiant de connexion");
    const bulk = (await (await GET(request("?to=bulk@commune.test"))).json()) as { subject: string }[];
    expect(bulk).toHaveLength(200);
    expect(bulk[0].subject).toBe("Message 204");
    await db.outboxEmail.deleteMany({ where: { to: "bulk@commune.test" } });
  });

  it("serves one message's HTML", async () => {
    const { getHtml } = await freshModules();
    const response = await getHtml(request(), { params: Promise.resolve({ id: ids["agent-b"] }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("agent-b");
    const missing = await getHtml(request(), { params: Promise.resolve({ id: "not-a-uuid" }) });
    expect(missing.status).toBe(404);
  });
});

describe("MAIL-2 /dev/mailbox lists the messages", () => {
  it("shows each message with its recipient, subject, Paris date, text and links, and filters by address", async () => {
    const { Page } = await freshModules();
    const html = renderToStaticMarkup(await Page({ searchParams: Promise.resolve({}) }));
    expect(html).toContain("<h1");
    expect(html).toContain('role="search"');
    expect(html).toMatch(/<label[^>]*for="mailbox-to"/);
    expect(html).toContain("agent.b@commune.test");
    expect(html).toContain("Votre identifiant de connexion");
    expect(html).toContain('<a href="https://portail.test/connexion?pour=agent-a-bis">');
    expect(html).toMatch(/<pre[^>]*>[^<]*agent-a-bis/);
    expect(html).toMatch(/<time dateTime="[^"]+">\d{1,2}(er)? \S+ \d{4} à \d{2}:\d{2}:\d{2}<\/time>/);
    expect(html.indexOf("agent-a-bis")).toBeLessThan(html.indexOf("agent-b"));

    const filtered = renderToStaticMarkup(await Page({ searchParams: Promise.resolve({ to: "AGENT.B@commune.test" }) }));
    expect(filtered).toContain("agent-b");
    expect(filtered).not.toContain("agent-a-bis");
    expect(filtered).toContain("1 message pour AGENT.B@commune.test");
  });
});

describe("MAIL-2 the dev mailbox does not exist in production unless enabled", () => {
  function production(enable: "1" | undefined) {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "a-test-secret-that-is-long-enough-0123456789");
    vi.stubEnv("ENABLE_DEV_MAILBOX", enable);
  }

  it("answers 404 and the page is not found in production", async () => {
    production(undefined);
    const { GET, getHtml, Page } = await freshModules();
    expect((await GET(request())).status).toBe(404);
    expect((await getHtml(request(), { params: Promise.resolve({ id: ids["agent-b"] }) })).status).toBe(404);
    await expect(Page({ searchParams: Promise.resolve({}) })).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
  });

  it("SEC-10 answers 404 in production beside a real provider, even with ENABLE_DEV_MAILBOX=1", async () => {
    production("1");
    vi.stubEnv("RESEND_API_KEY", "re_a_real_key");
    const { GET, getHtml, Page } = await freshModules();
    expect((await GET(request("?to=agent.b@commune.test"))).status).toBe(404);
    expect((await getHtml(request(), { params: Promise.resolve({ id: ids["agent-b"] }) })).status).toBe(404);
    await expect(Page({ searchParams: Promise.resolve({}) })).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
  });

  it("exists in production with ENABLE_DEV_MAILBOX=1 and no provider (the throw-away test server)", async () => {
    production("1");
    const { GET } = await freshModules();
    const response = await GET(request("?to=agent.b@commune.test"));
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(1);
  });
});
