// SEC-9: every redirect whose target comes from the request (callbackUrl of the login page
// and of Auth.js, return paths) goes through safeReturnPath. A prefix test is not enough:
// browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/evil.example" or
// "/\evil.example" become "//evil.example" (another site), and a raw newline or a non-ASCII
// character in a Location header makes the server answer 500. The target is therefore parsed
// as a URL against APP_URL, must keep APP_URL's origin, and comes back as a path whose every
// character is percent-encoded by the URL parser.
import { env } from "../env";
import { HOME_PATH } from "./home-path";

/** Longer targets are not ours (our paths stay far below): refused rather than echoed. */
export const MAX_RETURN_PATH_LENGTH = 2_000;

// C0 controls, DEL and C1 controls: the URL parser strips some of them silently, browsers others.
// Backslashes: read as "/" by browsers in http(s) URLs.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * A same-origin path ("/accueil?x=1#y") for a user-supplied redirect target, or `fallback`.
 * Accepts a path starting with a single "/" or an absolute URL of APP_URL's origin (Auth.js
 * passes those); the result is always relative (ARCHITECTURE "Sessions": behind a proxy
 * absolute URLs may carry the wrong host).
 */
export function safeReturnPath(value: string | null | undefined, fallback = HOME_PATH): string {
  if (typeof value !== "string" || value === "" || value.length > MAX_RETURN_PATH_LENGTH || FORBIDDEN.test(value)) return fallback;
  // Only "/path" or "http(s)://…": a bare "evil.example" or "%2F%2Fevil" is nobody's page.
  if (!value.startsWith("/") && !/^https?:\/\//i.test(value)) return fallback;
  const base = new URL(env().APP_URL);
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil" parses to the path "//evil": sent as a relative Location it would name a host.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
