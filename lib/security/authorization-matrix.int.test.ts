// SEC-1, DEP-1: every server action and every route handler × {anonymous, user, administrator of the
// organisation, administrator of another organisation, operator, accepted deputy of the
// organisation}, against the rule table of
// lib/testing/authorization-table.ts. Actions and routes are discovered from the tree: one
// without a row (or a row naming one that is gone) fails the suite. A persona that is refused
// writes nothing: every table's row count and content are compared before and after.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { session } from "../testing/actions";
import {
  ACTION_RULES,
  changedTables,
  createWorld,
  databaseFingerprint,
  discoverActions,
  discoverRoutes,
  formOf,
  viewerOfPersona,
  PERSONAS,
  REFUSALS,
  ROUTE_RULES,
  type DiscoveredAction,
  type DiscoveredRoute,
  type Outcome,
  type Persona,
  type World,
} from "../testing/authorization-table";

session.ip = () => `198.51.100.${Math.floor(Math.random() * 250)}`;

// Route handlers reach the session through the session cookie (lib/auth/viewer.ts): the
// request presents the persona's (auth-stand-in), which lib/auth/viewer.ts checks against the
// database as on every request. Signing in runs the real credentials check (lib/auth/sign-in-with.ts).
vi.mock("../auth/auth", () => import("../testing/auth-stand-in"));
const { sessionClaims: claims } = await import("../testing/auth-stand-in");

// Route handlers read the client's address and user agent from the request's headers.
vi.mock("next/headers", () => ({
  headers: async () => {
    const request = { "x-forwarded-for": session.ip as string, "user-agent": "vitest" };
    return new Headers({ ...request, ...(await (await import("../testing/auth-stand-in")).sessionCookie(request)) });
  },
  // The browser presents the persona's session cookie (auth-stand-in); the cookie jar neither
  // holds nor keeps anything (the sign-in step's cookie, MFA-2, the token).
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined }),
}));

let actions: DiscoveredAction[];
let routes: DiscoveredRoute[];
beforeAll(async () => {
  [actions, routes] = await Promise.all([discoverActions(), discoverRoutes()]);
});

/** Acts as `persona` in `world`, for actions (session.viewer) and route handlers (auth()). */
function actAs(world: World, persona: Persona): void {
  if (persona === "anonymous") {
    session.viewer = null;
    claims.current = null;
    return;
  }
  session.viewer = viewerOfPersona(world, persona);
  claims.current = world.claims[persona];
}

type Observed = { outcome: Outcome | "error" | "success"; detail: string };

/** Next's signals thrown by redirect(), forbidden() and notFound(), as the outcome they mean. */
function signalOutcome(error: unknown): Observed | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return null;
  if (digest.startsWith("NEXT_REDIRECT;")) {
    const url = digest.split(";")[2] ?? "";
    return url.startsWith("/connexion?callbackUrl=") ? { outcome: "login", detail: url } : { outcome: "success", detail: `redirect ${url}` };
  }
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return { outcome: "forbidden", detail: digest };
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { outcome: "notFound", detail: digest };
  return null;
}

async function observeAction(action: DiscoveredAction["action"], form: FormData): Promise<Observed> {
  try {
    const state = (await action({ status: "idle" }, form)) as { status?: string; message?: string } | undefined;
    if (state?.status === "error") return { outcome: "error", detail: `${state.message ?? ""} ${JSON.stringify((state as { fieldErrors?: unknown }).fieldErrors ?? {})}` };
    return { outcome: "success", detail: JSON.stringify(state ?? null).slice(0, 200) };
  } catch (error) {
    const signal = signalOutcome(error);
    if (signal) return signal;
    throw error;
  }
}

async function observeRoute(route: DiscoveredRoute, call: Awaited<ReturnType<(typeof ROUTE_RULES)[string]["request"]>>): Promise<Observed> {
  let response: Response;
  try {
    response = await route.handler(new Request(call.url, call.init), { params: Promise.resolve(call.params ?? {}) });
  } catch (error) {
    const signal = signalOutcome(error);
    if (signal) return signal;
    throw error;
  }
  const location = response.headers.get("location") ?? "";
  const detail = `${response.status} ${location}`.trim();
  expect(response.status, `${route.key}: ${detail}`).toBeLessThan(500);
  if (response.status === 401) return { outcome: "login", detail };
  if (response.status >= 300 && response.status < 400) {
    return new URL(location, call.url).pathname === "/connexion" ? { outcome: "login", detail } : { outcome: "success", detail };
  }
  if (response.status === 403) return { outcome: "forbidden", detail };
  if (response.status === 404) return { outcome: "notFound", detail };
  if (response.status >= 400) return { outcome: "error", detail };
  return { outcome: "success", detail };
}

/** Whether what happened is what the table expects. */
function matches(expected: Outcome, observed: Observed["outcome"]): boolean {
  switch (expected) {
    case "done":
      return observed === "success";
    case "allowed":
      return observed === "success" || observed === "error" || observed === "notFound";
    case "refused":
      return observed === "error";
    default:
      return observed === expected;
  }
}

describe("SEC-1 authorization matrix: every server action and route has a rule", () => {
  it("discovers the server actions and route handlers of the tree", () => {
    expect(actions.length).toBeGreaterThan(30);
    expect(routes.length).toBeGreaterThan(10);
  });

  it("every discovered action has a row, and every row names an action that exists", () => {
    const discovered = actions.map((action) => action.key).sort();
    const ruled = Object.keys(ACTION_RULES).sort();
    expect(discovered.filter((key) => !ruled.includes(key)), "actions without a rule in lib/testing/authorization-table.ts").toEqual([]);
    expect(ruled.filter((key) => !discovered.includes(key)), "rules naming an action that no longer exists").toEqual([]);
  });

  it("every discovered route handler has a row, and every row names a handler that exists", () => {
    const discovered = routes.map((route) => route.key).sort();
    const ruled = Object.keys(ROUTE_RULES).sort();
    expect(discovered.filter((key) => !ruled.includes(key)), "route handlers without a rule in lib/testing/authorization-table.ts").toEqual([]);
    expect(ruled.filter((key) => !discovered.includes(key)), "rules naming a route handler that no longer exists").toEqual([]);
  });
});

describe("SEC-1 DEP-1 authorization matrix: each persona (a deputy included) gets what the table says, and a refused one writes nothing", () => {
  it.each(Object.keys(ACTION_RULES))("%s", async (key) => {
    const rule = ACTION_RULES[key];
    const found = actions.find((action) => action.key === key);
    if (!found) return; // reported by the completeness test above
    const problems: string[] = [];
    for (const persona of PERSONAS) {
      const world = await createWorld();
      const fields = rule.form ? await rule.form(world) : {};
      actAs(world, persona);
      const before = await databaseFingerprint();
      const observed = await observeAction(found.action, formOf(fields));
      const expected = rule.expect[persona];
      if (!matches(expected, observed.outcome)) problems.push(`${persona}: expected ${expected}, got ${observed.outcome} (${observed.detail})`);
      if (REFUSALS.includes(expected)) {
        const written = changedTables(before, await databaseFingerprint()).filter((table) => !rule.writesOnRefusal?.includes(table));
        if (written.length) problems.push(`${persona}: refused, yet wrote to ${written.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(Object.keys(ROUTE_RULES))("%s", async (key) => {
    const rule = ROUTE_RULES[key];
    const found = routes.find((route) => route.key === key);
    if (!found) return; // reported by the completeness test above
    const problems: string[] = [];
    for (const persona of PERSONAS) {
      const world = await createWorld();
      const call = await rule.request(world);
      actAs(world, persona);
      const before = await databaseFingerprint();
      // Auth.js logs the refused sign-in without a CSRF token (MissingCSRF) with its stack.
      const quiet = key.includes("[...nextauth]") ? vi.spyOn(console, "error").mockImplementation(() => undefined) : null;
      const observed = await observeRoute(found, call).finally(() => quiet?.mockRestore());
      const expected = rule.expect[persona];
      if (!matches(expected, observed.outcome)) problems.push(`${persona}: expected ${expected}, got ${observed.outcome} (${observed.detail})`);
      if (REFUSALS.includes(expected)) {
        const written = changedTables(before, await databaseFingerprint());
        if (written.length) problems.push(`${persona}: refused, yet wrote to ${written.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
