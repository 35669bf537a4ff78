// @ts-check
// Which address a request comes from (SEC-2 limits per address, ADM-5 audit "from where").
// X-Forwarded-For is written by whoever sends the request: only the entries appended by our
// own reverse proxies can be believed. Reading the chain from the right, the connection's
// address comes first, then one entry per trusted proxy; the first address not vouched for
// by a trusted hop is the client's.

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

/** The request header through which the server hands the resolved address to the app. */
export const CLIENT_ADDRESS_HEADER = "x-portail-client-address";
