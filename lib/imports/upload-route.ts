// The HTTP side of an import's upload, `POST /api/imports?organisation=<id>&nom=<file name>`
// (BULK-1, SEC-9). The CSV file is the request body itself, not a multipart form: the bytes
// counted are the file's, so that a file of exactly 10 Mo is accepted and one byte more is
// refused, whatever Content-Length says or omits, without reading the rest. A route handler
// rather than a server action so that every server action keeps the 1 MB limit.
//
// Same door as the pages: the viewer from the session, then the import scope (administrator
// of the organisation, operator for any organisation named) before a byte of the body is read,
// then the preview service, which records the audit event. Every refusal is a JSON body
// `{ error, message }` in French, read by the upload form (components/imports/upload-form.tsx).
import "server-only";
import { currentRequest } from "../actions/request";
import { db } from "../db";
import { isAllowedText } from "../security/input-text";
import { importScopeOf } from "./access";
import { MAX_FILE_BYTES } from "./csv";
import { UserError } from "../operation";
import { previewImport } from "./preview-import";
import { IMPORT_FILE_TOO_LARGE_MESSAGE } from "../security/request-body-limit.mjs";
import { readBodyAtMost } from "../security/read-body";

const NO_STORE = { "Cache-Control": "no-store" };
const CHOOSE_FILE = "Choisissez le fichier CSV à importer.";

export interface UploadAnswer {
  importId?: string;
  /** The preview's page, where the form goes next. */
  location?: string;
  error?: string;
  message?: string;
}

function answer(status: number, body: UploadAnswer): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

function refusal(status: number, error: string, message: string): Response {
  return answer(status, { error, message });
}

/**
 * Browsers send Origin with every POST: one from another site is refused, as Next.js refuses it
 * for server actions (the session cookie is SameSite=Lax already; this does not rely on it).
 */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}


export async function handleImportUpload(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return refusal(403, "cross_origin", "Requête refusée : elle ne vient pas du portail.");
  // The request as the action pipeline reads it (viewer checked against the database, client
  // address), so that integration tests act as a person through the same one module.
  const { viewer, context } = await currentRequest();
  if (!viewer) return refusal(401, "unauthenticated", "Votre session a expiré : reconnectez-vous, puis envoyez le fichier à nouveau.");

  const params = new URL(request.url).searchParams;
  const scope = await importScopeOf(db, viewer, params.get("organisation"));
  if (scope === "forbidden") return refusal(403, "forbidden", "Vous ne pouvez pas importer de comptes dans cette organisation.");
  if (scope === "not_found") return refusal(404, "organisation_not_found", "Cette organisation est introuvable.");

  const fileName = params.get("nom") ?? "";
  if (!fileName) return refusal(400, "missing_file", CHOOSE_FILE);
  if (!isAllowedText(fileName)) return refusal(400, "invalid_file_name", "Le nom du fichier contient des caractères non autorisés : renommez-le, puis envoyez-le à nouveau.");
  if (!/\.(csv|txt)$/i.test(fileName)) return refusal(400, "not_csv", "Le fichier doit être un export CSV (extension .csv).");

  const bytes = await readBodyAtMost(request, MAX_FILE_BYTES);
  if (!bytes) return refusal(413, "payload_too_large", IMPORT_FILE_TOO_LARGE_MESSAGE);
  if (bytes.byteLength === 0) return refusal(400, "missing_file", CHOOSE_FILE);

  try {
    const { importId } = await previewImport(
      db,
      scope.viewer,
      { organisationId: scope.organisationId, fileName, bytes },
      context,
    );
    return answer(201, { importId, location: `${scope.basePath}/${importId}` });
  } catch (error) {
    if (error instanceof UserError) return refusal(422, "invalid_file", error.message);
    throw error;
  }
}
