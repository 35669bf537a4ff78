// The HTTP side of `POST /api/v1/figures` (DASH-1): key, size, content type and JSON checks,
// each refused with a 4xx JSON body `{ error, message, issues? }` in French. Kept out of the
// route file so that integration tests call it with real Request objects. The API key is the
// caller's scope: it names the one e-service whose figures the request may store.
import "server-only";
import { db } from "../db";
import { authenticateApiKey } from "./api-keys";
import { ingestFigures, MAX_BODY_BYTES, type ApiProblem } from "./figures-api";
import { readBodyAtMost } from "../security/read-body";

const NO_STORE = { "Cache-Control": "no-store" };

function problem({ status, ...body }: ApiProblem, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

const KEY_PROBLEMS = {
  missing: { status: 401, error: "missing_api_key", message: "Clé d'API absente : envoyez l'en-tête « Authorization: Bearer <clé> »." },
  invalid: { status: 401, error: "invalid_api_key", message: "Clé d'API inconnue." },
  revoked: { status: 401, error: "revoked_api_key", message: "Cette clé d'API a été révoquée : demandez une nouvelle clé à l'opérateur du portail." },
  withdrawn: { status: 403, error: "e_service_withdrawn", message: "Cet e-service n'est plus proposé par le portail : ses chiffres ne sont plus acceptés." },
} as const;

function bearer(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

export async function handleFiguresPost(request: Request, now: Date = new Date()): Promise<Response> {
  const key = await authenticateApiKey(db, bearer(request), now);
  if (!key.ok) return problem(KEY_PROBLEMS[key.reason], { "WWW-Authenticate": 'Bearer realm="figures"' });

  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType)) {
    return problem({ status: 415, error: "unsupported_media_type", message: "Le corps doit être du JSON (Content-Type: application/json)." });
  }
  const bytes = await readBodyAtMost(request, MAX_BODY_BYTES);
  if (!bytes) {
    return problem({ status: 413, error: "payload_too_large", message: `Le lot dépasse ${MAX_BODY_BYTES / 1024} Kio : envoyez un lot par organisation et par jour.` });
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    return problem({ status: 400, error: "invalid_json", message: "Le corps de la requête n'est pas du JSON valide." });
  }
  const outcome = await ingestFigures(db, key.eService, json, now);
  if (!outcome.ok) return problem(outcome.problem);
  return Response.json(
    { status: "stored", eService: key.eService.slug, organisation: outcome.organisation, day: outcome.day, stored: outcome.stored, removed: outcome.removed },
    { status: 200, headers: NO_STORE },
  );
}
