// The largest request body each path accepts, checked in proxy.ts before Next.js reads it.
// Server actions share one size limit in next.config.mjs, raised to 11 MB for the CSV
// upload (BULK-1); without this check every action, including the anonymous ones (login,
// assistance form), would read 11 MB bodies before any authorization or validation.

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const IMPORT_UPLOAD_BODY_LIMIT = 11 * 1024 * 1024;

const IMPORT_UPLOAD_PAGES = /^\/(administration\/imports|operateur\/organisations\/[^/]+\/imports)\/?$/;

export function maxRequestBytes(pathname: string): number {
  return IMPORT_UPLOAD_PAGES.test(pathname) ? IMPORT_UPLOAD_BODY_LIMIT : DEFAULT_BODY_LIMIT;
}
