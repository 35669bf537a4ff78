// @ts-check
// Which address a request comes from (SEC-2 limits per address, ADM-5 audit "from where").
// Plain JavaScript: scripts/next-server.mjs runs under plain Node and imports it, and the app
// (lib/request-context.ts) imports the same file, so both sides share one header format.
//
// X-Forwarded-For is written by whoever sends the request: only the entries appended by our
// own reverse proxies can be believed. Reading the chain from the right, the connection's
// address comes first, then one entry per trusted proxy; the first address not vouched for
// by a trusted hop is the client's.
//
// The production server hands the resolved address to the app in a request header. A header
// is something any client can also send (plain `next start` would pass it through untouched),
// so the value is signed: HMAC-SHA256 under a key drawn at random when the server process
// starts and kept in that process's memory only (a global, because Next.js bundles its own
// copy of this module). No client, no other process and no restarted server can produce a
// valid signature, so nothing replayable or guessable ever reaches the rate limits. The header
// never leaves the process (it is added after the request is received), hence no timestamp.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The request header through which the server hands the resolved address to the app. */
export const CLIENT_ADDRESS_HEADER = "x-portail-client-address";

const KEY = Symbol.for("portail.client-address-key");

/**
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header as received
 * @param {string | undefined} socketAddress the TCP peer of this server
 * @param {number} trustedProxies reverse proxies in front of the app (0 = reached directly)
 * @returns {string}
 */
export function resolveClientAddress(forwardedFor, socketAddress, trustedProxies) {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = header
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  chain.push(socketAddress ?? "inconnue");
  const hops = Number.isInteger(trustedProxies) && trustedProxies > 0 ? trustedProxies : 0;
  const address = chain[Math.max(0, chain.length - 1 - hops)];
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "").slice(0, 64);
}

/**
 * Draws this process's signing key (once; later calls keep it). Called by
 * scripts/next-server.mjs before Next.js starts.
 * @returns {Buffer}
 */
export function installClientAddressKey() {
  const holder = /** @type {Record<symbol, Buffer | undefined>} */ (/** @type {unknown} */ (globalThis));
  holder[KEY] ??= randomBytes(32);
  return holder[KEY];
}

/**
 * The key installed by our server in this process, if any (none under `next dev`/`next start`).
 * @returns {Buffer | undefined}
 */
export function clientAddressKey() {
  return /** @type {Record<symbol, Buffer | undefined>} */ (/** @type {unknown} */ (globalThis))[KEY];
}

/** @param {Buffer} key @param {string} address */
function mac(key, address) {
  return createHmac("sha256", key).update(address, "utf8").digest("base64url");
}

/**
 * The header value for a resolved address: `<signature> <address>`.
 * @param {string} address
 * @param {Buffer} key
 * @returns {string}
 */
export function signClientAddress(address, key) {
  return `${mac(key, address)} ${address}`;
}

/**
 * The address carried by a header value, or null when the value is missing, malformed or not
 * signed with `key` (compared in constant time). Without a key nothing is trusted.
 * @param {string | null | undefined} value
 * @param {Buffer | undefined} key
 * @returns {string | null}
 */
export function verifyClientAddress(value, key) {
  if (!key || !value) return null;
  const space = value.indexOf(" ");
  if (space <= 0) return null;
  const address = value.slice(space + 1);
  const given = Buffer.from(value.slice(0, space), "utf8");
  const expected = Buffer.from(mac(key, address), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : null;
}
