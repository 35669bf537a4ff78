// @ts-check
// How many bytes a request body may hold, per path (SEC-9). Plain JavaScript so that both the
// production server (scripts/next-server.mjs, which counts the bytes actually received, chunked
// bodies included) and proxy.ts (which refuses a too large declared Content-Length early, also
// under `npm run dev`) read the same table.
//
// Server actions get 1 MB (next.config.mjs sets the same figure for Next's own check): no form
// comes near it. The only larger body is the CSV file of an import (BULK-1), sent as is, not as
// a multipart form, to its route handler, which counts the bytes itself as well.

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** The route that receives an import's CSV file as the raw request body (BULK-1). */
export const IMPORT_UPLOAD_PATH = "/api/imports";
/** The largest CSV file an import accepts (BULK-4): 10 Mio, announced as « 10 Mo ». */
export const IMPORT_FILE_MAX_BYTES = 10 * 1024 * 1024;

export const IMPORT_FILE_TOO_LARGE_MESSAGE = "Le fichier dépasse la taille maximale de 10 Mo : découpez-le en plusieurs fichiers.";
const REQUEST_TOO_LARGE_MESSAGE = "Requête trop volumineuse : 1 Mo au plus.";

/**
 * @param {string} pathname
 * @returns {number}
 */
export function maxRequestBytes(pathname) {
  return pathname.replace(/\/+$/, "") === IMPORT_UPLOAD_PATH ? IMPORT_FILE_MAX_BYTES : DEFAULT_BODY_LIMIT;
}

/**
 * The 413 answer for a body over the path's limit: JSON for the API (what its callers read),
 * plain text elsewhere. French, like everything people read.
 * @param {string} pathname
 * @returns {{ contentType: string; body: string }}
 */
export function tooLargeAnswer(pathname) {
  if (pathname.replace(/\/+$/, "") === IMPORT_UPLOAD_PATH) {
    return { contentType: "application/json; charset=utf-8", body: JSON.stringify({ error: "payload_too_large", message: IMPORT_FILE_TOO_LARGE_MESSAGE }) };
  }
  if (pathname.startsWith("/api/")) {
    return { contentType: "application/json; charset=utf-8", body: JSON.stringify({ error: "payload_too_large", message: REQUEST_TOO_LARGE_MESSAGE }) };
  }
  return { contentType: "text/plain; charset=utf-8", body: REQUEST_TOO_LARGE_MESSAGE };
}
