// DASH-1: the e-service figures API (`POST /api/v1/figures`) and its operator-managed keys.
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { createAccount, createOrganisation } from "../testing/factories";
import { authenticateApiKey, createApiKey, revokeApiKey, rotateApiKey } from "./api-keys";
import { hashSecret } from "../security/secrets";
import { handleFiguresPost } from "./figures-route";
import { dayKeyToDate } from "../calendar";
import { actorOf } from "../testing/actions";

const NOW = new Date("2026-11-22T10:00:00Z");

let eServiceId: string;
let otherServiceId: string;
let organisation: { id: string; code: string };
let key: string;
let operator: ReturnType<typeof actorOf>;

async function subscribe(organisationId: string, serviceId: string, startDate = "2026-01-01", endDate: string | null = null) {
  await db.subscription.create({
    data: { organisationId, eServiceId: serviceId, startDate: dayKeyToDate(startDate), endDate: endDate ? dayKeyToDate(endDate) : null, termsAcceptedAt: NOW },
  });
}

beforeEach(async () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  eServiceId = (
    await db.eService.create({ data: { slug: `cadastre-${suffix}`, name: "Cadastre", description: "d", url: "https://cadastre.example/", termsText: "t" } })
  ).id;
  otherServiceId = (
    await db.eService.create({ data: { slug: `voirie-${suffix}`, name: "Voirie", description: "d", url: "https://voirie.example/", termsText: "t" } })
  ).id;
  organisation = await createOrganisation();
  await subscribe(organisation.id, eServiceId);
  const operatorAccount = await createAccount({ organisationId: null, role: "OPERATOR" });
  operator = actorOf(operatorAccount);
  key = (await createApiKey(db, operator, eServiceId, { ipAddress: "198.51.100.7" })).key;
});

function post(body: unknown, options: { key?: string | null; contentType?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { "content-type": options.contentType ?? "application/json" };
  const presented = options.key === undefined ? key : options.key;
  if (presented) headers.authorization = `Bearer ${presented}`;
  return handleFiguresPost(new Request("http://portail.test/api/v1/figures", { method: "POST", headers, body: options.raw ?? JSON.stringify(body) }), NOW);
}

const batch = (overrides: Record<string, unknown> = {}) => ({
  organisation: organisation.code,
  day: "2026-11-21",
  figures: [
    { metric: "demandes_recues", label: "Demandes reçues", value: 12 },
    { metric: "delai_moyen_jours", label: "Délai moyen (jours)", value: 3.25 },
  ],
  ...overrides,
});

async function stored() {
  const rows = await db.eServiceDailyFigure.findMany({ where: { eServiceId, organisationId: organisation.id }, orderBy: { metric: "asc" } });
  return rows.map((row) => ({ day: row.day.toISOString().slice(0, 10), metric: row.metric, label: row.label, value: row.value.toNumber() }));
}

describe("DASH-1 e-service API keys", () => {
  it("stores only the keyed hash of the key (SEC-5: HMAC-SHA256, not the plain SHA-256), shows its prefix, and audits its creation", async () => {
    expect(key).toMatch(/^pes_[a-z2-7]{10}_[A-Za-z0-9_-]{43}$/);
    const row = await db.eServiceApiKey.findFirstOrThrow({ where: { eServiceId } });
    expect(row.keyHash).not.toBe(createHash("sha256").update(key).digest("hex"));
    expect(row.keyHash).toBe(hashSecret(key));
    expect(key).toContain(row.prefix);
    expect(JSON.stringify(row)).not.toContain(key.split("_")[2]);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "e_service.api_key_created", targetId: eServiceId } })).toMatchObject({
      actorId: operator.accountId,
      ipAddress: "198.51.100.7",
    });
  });

  it("SEC-5 recognises a key stored before hashes were keyed, and re-hashes it with the key at its first use", async () => {
    const legacyKey = `pes_abcdefghij_${"A".repeat(43)}`;
    const legacyHash = createHash("sha256").update(legacyKey).digest("hex");
    const row = await db.eServiceApiKey.create({ data: { eServiceId, prefix: "abcdefghij", keyHash: legacyHash } });
    expect(await authenticateApiKey(db, legacyKey)).toMatchObject({ ok: true, keyId: row.id });
    expect((await db.eServiceApiKey.findUniqueOrThrow({ where: { id: row.id } })).keyHash).toBe(hashSecret(legacyKey));
    expect(await authenticateApiKey(db, legacyKey)).toMatchObject({ ok: true, keyId: row.id });
    await db.eServiceApiKey.delete({ where: { id: row.id } });
  });

  it("refuses a missing, malformed or unknown key with 401", async () => {
    for (const [presented, error] of [
      [null, "missing_api_key"],
      ["n-importe-quoi", "invalid_api_key"],
      [`pes_abcdefghij_${"A".repeat(43)}`, "invalid_api_key"],
    ] as const) {
      const response = await post(batch(), { key: presented });
      expect(response.status).toBe(401);
      expect((await response.json()).error).toBe(error);
    }
    expect(await stored()).toEqual([]);
  });

  it("a key of an e-service withdrawn from the catalogue is refused, nothing stored", async () => {
    await db.eService.update({ where: { id: eServiceId }, data: { active: false } });
    const refused = await post(batch());
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "e_service_withdrawn", message: expect.stringContaining("n'est plus proposé") });
    expect(await stored()).toEqual([]);
  });

  it("a revoked key is refused; a rotated key is replaced at once by the new one", async () => {
    const [row] = await db.eServiceApiKey.findMany({ where: { eServiceId } });
    const rotated = await rotateApiKey(db, operator, eServiceId, row.id);
    const refused = await post(batch());
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "revoked_api_key", message: expect.stringContaining("révoquée") });
    expect((await post(batch(), { key: rotated.key })).status).toBe(200);

    const newRow = await db.eServiceApiKey.findUniqueOrThrow({ where: { prefix: rotated.prefix } });
    expect(newRow.lastUsedAt).toEqual(NOW);
    await revokeApiKey(db, operator, eServiceId, newRow.id);
    expect((await post(batch(), { key: rotated.key })).status).toBe(401);
    await expect(revokeApiKey(db, operator, eServiceId, newRow.id)).rejects.toThrow("déjà révoquée");
    expect(await db.auditEvent.count({ where: { targetId: eServiceId, action: { in: ["e_service.api_key_rotated", "e_service.api_key_revoked"] } } })).toBe(2);
  });

  it("a key of one e-service cannot be revoked through another e-service", async () => {
    const [row] = await db.eServiceApiKey.findMany({ where: { eServiceId } });
    await expect(revokeApiKey(db, operator, otherServiceId, row.id)).rejects.toThrow("n'existe pas");
    expect((await authenticateApiKey(db, key, NOW)).ok).toBe(true);
  });
});

describe("DASH-1 POST /api/v1/figures", () => {
  it("stores a batch and is idempotent on (e-service, organisation, day, metric)", async () => {
    const first = await post(batch());
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: "stored", stored: 2, removed: 0, day: "2026-11-21" });
    const once = await stored();
    expect(once).toEqual([
      { day: "2026-11-21", metric: "delai_moyen_jours", label: "Délai moyen (jours)", value: 3.25 },
      { day: "2026-11-21", metric: "demandes_recues", label: "Demandes reçues", value: 12 },
    ]);
    expect((await post(batch())).status).toBe(200);
    expect(await stored()).toEqual(once);

    // A corrected batch replaces the day's figures, including a metric it no longer has.
    const corrected = await post(batch({ figures: [{ metric: "demandes_recues", label: "Demandes reçues", value: 14 }] }));
    expect(await corrected.json()).toMatchObject({ stored: 1, removed: 1 });
    expect(await stored()).toEqual([{ day: "2026-11-21", metric: "demandes_recues", label: "Demandes reçues", value: 14 }]);
  });

  it("answers bad input with a clear 4xx JSON error and writes nothing", async () => {
    const cases: { body?: unknown; raw?: string; contentType?: string; status: number; error: string; path?: string }[] = [
      { raw: "{pas du json", status: 400, error: "invalid_json" },
      { body: batch(), contentType: "text/plain", status: 415, error: "unsupported_media_type" },
      { raw: JSON.stringify({ ...batch(), padding: "x".repeat(70_000) }), status: 413, error: "payload_too_large" },
      { body: batch({ day: "2026-02-30" }), status: 422, error: "invalid_batch", path: "day" },
      { body: batch({ day: "2026-11-23" }), status: 422, error: "day_out_of_range", path: "day" },
      { body: batch({ figures: [] }), status: 422, error: "invalid_batch", path: "figures" },
      { body: batch({ figures: [{ metric: "x", value: -1 }] }), status: 422, error: "invalid_batch", path: "figures.0.value" },
      { body: batch({ figures: [{ metric: "x", value: "12" }] }), status: 422, error: "invalid_batch", path: "figures.0.value" },
      { body: batch({ figures: [{ metric: "Demandes Reçues", value: 1 }] }), status: 422, error: "invalid_batch", path: "figures.0.metric" },
      { body: batch({ figures: [{ metric: "x", value: 1 }, { metric: "x", value: 2 }] }), status: 422, error: "invalid_batch", path: "figures" },
      { body: batch({ figures: [{ metric: "x", value: 1.23456 }] }), status: 422, error: "invalid_batch", path: "figures.0.value" },
      { body: { ...batch(), organisationId: organisation.id }, status: 422, error: "invalid_batch" },
      { body: [batch()], status: 422, error: "invalid_batch" },
    ];
    for (const entry of cases) {
      const response = await post(entry.body, { raw: entry.raw, contentType: entry.contentType });
      const json = await response.json();
      expect({ status: response.status, error: json.error }).toEqual({ status: entry.status, error: entry.error });
      expect(json.message).toMatch(/\S/);
      if (entry.path) expect(json.issues.map((issue: { path: string }) => issue.path)).toContain(entry.path);
    }
    expect(await stored()).toEqual([]);
  });

  it("refuses figures for an unknown organisation or one not subscribed to this e-service on that day", async () => {
    const other = await createOrganisation();
    await subscribe(other.id, otherServiceId); // subscribed to another e-service only
    const lapsed = await createOrganisation();
    await subscribe(lapsed.id, eServiceId, "2026-01-01", "2026-06-30");
    for (const code of ["INCONNU999", other.code, lapsed.code]) {
      const response = await post(batch({ organisation: code }));
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: "organisation_not_subscribed" });
    }
    // The lapsed subscription still covers its own days.
    expect((await post(batch({ organisation: lapsed.code, day: "2026-06-30" }))).status).toBe(200);
    expect(await db.eServiceDailyFigure.count({ where: { organisationId: other.id } })).toBe(0);
    expect(await db.eServiceDailyFigure.count({ where: { organisationId: lapsed.id } })).toBe(2);
  });

  it("accepts the organisation code whatever its case and surrounding spaces", async () => {
    const upper = await createOrganisation({ code: `${String(Date.now()).slice(-6)}RH` });
    await subscribe(upper.id, eServiceId);
    const response = await post(batch({ organisation: `  ${upper.code.toLowerCase()} ` }));
    expect(response.status).toBe(200);
    expect(await db.eServiceDailyFigure.count({ where: { organisationId: upper.id } })).toBe(2);
  });
});

describe("SEC-9 the figures API refuses NUL and control characters in French, never with a 500", () => {
  it("a NUL in the organisation code or a label is a 422 naming the field; nothing is stored", async () => {
    for (const body of [batch({ organisation: `${organisation.code}\u0000` }), batch({ figures: [{ metric: "demandes_recues", label: "Demandes\u0000reçues", value: 1 }] })]) {
      const response = await post(body);
      expect(response.status).toBe(422);
      const answer = await response.json();
      expect(answer.error).toBe("invalid_batch");
      expect(answer.issues.map((issue: { message: string }) => issue.message).join(" ")).toMatch(/caractères non autorisés/);
    }
    const override = await post(batch({ figures: [{ metric: "demandes_recues", label: "\u202Eseuqer", value: 1 }] }));
    expect(override.status).toBe(422);
    expect(await stored()).toEqual([]);
  });
});
