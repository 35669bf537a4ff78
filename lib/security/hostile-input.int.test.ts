// SEC-9 and SEC-1 over every server action: each field of each action's form, in turn, gets
// the classic hostile values (empty, 10 kB, NUL, a right-to-left override, emoji, SQL and HTML
// metacharacters) while the other fields keep a valid value, sent by the persona the
// authorization table lets through. Every answer must be a state (never an exception other
// than Next's own redirect / 404 signals: an exception is the 500 page), every refusal must
// be said in French, and a refusal writes nothing but the attempt counters the table names.
import type { z } from "zod";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { declarationOf } from "../actions/define-action";
import { session } from "../testing/actions";
import {
  ACTION_RULES,
  allowedPersona,
  changedTables,
  createWorld,
  databaseFingerprint,
  discoverActions,
  formOf,
  viewerOfPersona,
  discoverRoutes,
  ROUTE_RULES,
  type DiscoveredAction,
  type DiscoveredRoute,
  type Fields,
  type Persona,
  type World,
} from "../testing/authorization-table";

session.ip = () => `203.0.113.${Math.floor(Math.random() * 250)}`;

// Signing in runs the real credentials check (lib/auth/sign-in-with.ts); the session cookie
// calls (signOut, session update) mean nothing outside a request. Route handlers reach the
// session through the persona's session cookie (auth-stand-in).
vi.mock("next/headers", () => ({
  headers: async () => {
    const request = { "x-forwarded-for": session.ip as string, "user-agent": "vitest" };
    return new Headers({ ...request, ...(await (await import("../testing/auth-stand-in")).sessionCookie(request)) });
  },
  // The browser presents the persona's session cookie (auth-stand-in); the cookie jar neither
  // holds nor keeps anything (the sign-in step's cookie, MFA-2, the token).
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined }),
}));
vi.mock("../auth/auth", () => import("../testing/auth-stand-in"));
const { sessionClaims: claims } = await import("../testing/auth-stand-in");

const HOSTILE_VALUES: Record<string, string> = {
  empty: "",
  "10 kB": "A".repeat(10_240),
  NUL: "avant\u0000après",
  "RTL override": "\u202Efdp.exe",
  emoji: "Zoé 👩🏽‍💻🇫🇷✨",
  SQL: "'; DROP TABLE accounts; -- \" OR 1=1 /*",
  HTML: '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;',
};

/** zod's own English messages: a refusal shown to a person must be ours, in French. */
const ENGLISH = /\b(invalid|expected|received|required|too (big|small)|must|string|number|undefined)\b/i;

/** The field names of a form schema: an object, possibly refined, transformed or intersected. */
function schemaFields(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case "object":
      return Object.keys(def.shape as object);
    case "pipe":
      return schemaFields(def.in as z.ZodType);
    case "intersection":
      return [...schemaFields(def.left as z.ZodType), ...schemaFields(def.right as z.ZodType)];
    case "optional":
    case "nullable":
    case "default":
    case "catch":
    case "readonly":
      return schemaFields(def.innerType as z.ZodType);
    default:
      return [];
  }
}

/** The fields to fill: the table's list for actions that read their form themselves, otherwise the schema's. */
function fieldsOf(key: string, action: DiscoveredAction["action"]): string[] {
  const rule = ACTION_RULES[key];
  if (rule.fields) return [...rule.fields];
  const declaration = declarationOf(action);
  if (!declaration) throw new Error(`${key} : action sans déclaration defineAction, donnez ses champs (fields) dans la table.`);
  if (declaration.readsFormItself) throw new Error(`${key} : l'action lit son formulaire elle-même, donnez ses champs (fields) dans la table.`);
  return schemaFields(declaration.schema);
}

type Answer = { kind: "state"; state: { status?: string; message?: unknown; fieldErrors?: Record<string, unknown> } | undefined } | { kind: "signal"; digest: string };

async function call(action: DiscoveredAction["action"], fields: Fields): Promise<Answer> {
  try {
    return { kind: "state", state: (await action({ status: "idle" }, formOf(fields))) as Extract<Answer, { kind: "state" }>["state"] };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT;") || digest === "NEXT_HTTP_ERROR_FALLBACK;404")) return { kind: "signal", digest };
    throw error;
  }
}

/** What is wrong with a refusal's wording: nothing said, or zod's English instead of our French. */
function wordingProblem(state: { message?: unknown; fieldErrors?: Record<string, unknown> }): string | null {
  const said = [state.message, ...Object.values(state.fieldErrors ?? {})].filter((text): text is string => typeof text === "string" && text.trim() !== "");
  if (!said.length) return "an error state that says nothing";
  const english = said.find((text) => ENGLISH.test(text));
  return english ? `an English message: ${english}` : null;
}

function actAs(world: World, persona: Persona): void {
  session.viewer = persona === "anonymous" ? null : viewerOfPersona(world, persona);
  claims.current = persona === "anonymous" ? null : world.claims[persona];
}

let actions: DiscoveredAction[];
let routes: DiscoveredRoute[];
beforeAll(async () => {
  [actions, routes] = await Promise.all([discoverActions(), discoverRoutes()]);
});

describe("SEC-9 hostile input in every field of every action: no 500, a French refusal, no partial write", () => {
  it("every discovered action is covered (the authorization table names each one)", () => {
    expect(actions.map((action) => action.key).filter((key) => !ACTION_RULES[key])).toEqual([]);
  });

  it.each(Object.keys(ACTION_RULES))("%s", async (key) => {
    const found = actions.find((action) => action.key === key);
    if (!found) return; // the authorization matrix reports a rule without its action
    const rule = ACTION_RULES[key];
    const persona = allowedPersona(rule.expect);
    const world = await createWorld();
    const baseline = rule.form ? await rule.form(world) : {};
    actAs(world, persona);

    // Each field in turn, the others valid; then a field the form does not have.
    const cases: [string, string, Fields][] = [];
    for (const field of fieldsOf(key, found.action)) {
      for (const [name, value] of Object.entries(HOSTILE_VALUES)) cases.push([field, name, { ...baseline, [field]: value }]);
    }
    cases.push(["champInconnu", "all", { ...baseline, champInconnu: Object.values(HOSTILE_VALUES).join(" ") }]);

    const problems: string[] = [];
    // After a refusal the database is as it was: its fingerprint is the next call's "before".
    let known: Record<string, string> | null = null;
    for (const [field, name, fields] of cases) {
      const where = `${field} = ${name}`;
      const before = known ?? (await databaseFingerprint());
      known = null;
      let answer: Answer;
      try {
        answer = await call(found.action, fields);
      } catch (error) {
        problems.push(`${where}: threw ${(error as Error).message?.split("\n")[0]} (the 500 page)`);
        continue;
      }
      const refused = answer.kind === "signal" ? answer.digest === "NEXT_HTTP_ERROR_FALLBACK;404" || answer.digest.includes(";/connexion?callbackUrl=") : answer.state?.status === "error";
      if (!refused) continue;
      if (answer.kind === "state" && answer.state) {
        const wording = wordingProblem(answer.state);
        if (wording) problems.push(`${where}: ${wording}`);
      }
      const after = await databaseFingerprint();
      const written = changedTables(before, after).filter((table) => !rule.writesOnRefusal?.includes(table));
      if (written.length) problems.push(`${where}: refused, yet wrote to ${written.join(", ")}`);
      else if (!changedTables(before, after).length) known = after;
    }
    expect(problems).toEqual([]);
  });
});

describe("SEC-9 hostile input in every query-string and path parameter of every route: no 500, a French refusal", () => {
  it.each(Object.keys(ROUTE_RULES))("%s", async (key) => {
    const found = routes.find((route) => route.key === key);
    if (!found) return; // the authorization matrix reports a rule without its handler
    const rule = ROUTE_RULES[key];
    const world = await createWorld();
    actAs(world, allowedPersona(rule.expect));
    const base = await rule.request(world);
    const url = new URL(base.url);

    // Each query-string parameter in turn, then each path parameter (the handler's `params`).
    const variants: [string, string, () => { url: string; params: Record<string, string | string[]> }][] = [];
    for (const name of new Set(url.searchParams.keys())) {
      for (const [label, value] of Object.entries(HOSTILE_VALUES)) {
        variants.push([`?${name}`, label, () => {
          const changed = new URL(url);
          changed.searchParams.set(name, value);
          return { url: changed.toString(), params: base.params ?? {} };
        }]);
      }
    }
    for (const name of Object.keys(base.params ?? {})) {
      if (Array.isArray(base.params?.[name])) continue; // Auth.js's catch-all: its own router
      for (const [label, value] of Object.entries(HOSTILE_VALUES)) variants.push([`[${name}]`, label, () => ({ url: base.url, params: { ...base.params, [name]: value } })]);
    }

    const problems: string[] = [];
    for (const [where, label, variant] of variants) {
      const { url: target, params } = variant();
      let response: Response;
      try {
        response = await found.handler(new Request(target, base.init), { params: Promise.resolve(params) });
      } catch (error) {
        const digest = (error as { digest?: unknown } | null)?.digest;
        if (typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT;") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;"))) continue;
        problems.push(`${where} = ${label}: threw ${(error as Error).message?.split("\n")[0]} (the 500 page)`);
        continue;
      }
      if (response.status >= 500) problems.push(`${where} = ${label}: ${response.status}`);
      if (response.status >= 400 && response.headers.get("content-type")?.includes("json")) {
        const body = (await response.json()) as { error?: unknown; message?: unknown };
        const said = typeof body.message === "string" ? body.message : body.error;
        if (typeof said !== "string" || ENGLISH.test(said)) problems.push(`${where} = ${label}: ${response.status} ${JSON.stringify(body)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
