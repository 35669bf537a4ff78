// Types of request-body-limit.mjs (plain JavaScript, also run by the production server).
export const DEFAULT_BODY_LIMIT: number;
export const IMPORT_UPLOAD_PATH: string;
export const IMPORT_FILE_MAX_BYTES: number;
export const IMPORT_FILE_TOO_LARGE_MESSAGE: string;
export function maxRequestBytes(pathname: string): number;
export function tooLargeAnswer(pathname: string): { contentType: string; body: string };
