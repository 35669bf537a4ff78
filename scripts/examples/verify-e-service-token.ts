// How an e-service checks the token that the Portail e-services puts in `?jeton=` when a
// user opens it (docs/e-service-token.md). Self-contained, Node.js only (node:crypto): copy
// it into your e-service. Any JWT library that supports HS256 works as well, provided you
// pin the algorithm to HS256 and check iss, aud and exp.
//
// Try it:
//   E_SERVICE_SLUG=mon-service E_SERVICE_TOKEN_SECRET=... npx tsx scripts/examples/verify-e-service-token.ts <jeton>
import { createHmac, timingSafeEqual } from "node:crypto";

export interface PortalClaims {
  iss: "portail-e-services";
  aud: string;
  sub: string;
  identifier: string;
  organisation: { id: string; code: string; name: string };
  iat: number;
  exp: number;
  jti: string;
}

export type PortalTokenResult =
  | { ok: true; claims: PortalClaims }
  | { ok: false; error: "malformed" | "unsupported_algorithm" | "bad_signature" | "wrong_issuer" | "wrong_audience" | "expired" | "not_yet_valid" | "replayed" };

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function json(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** jti already accepted, kept until their expiry: a token opens one session only. Use a shared store (Redis, database) with several instances. */
const seen = new Map<string, number>();

export function verifyPortalToken(token: string, options: { secret: string; slug: string; now?: Date }): PortalTokenResult {
  const parts = token.split(".");
  if (token.length > 4096 || parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return { ok: false, error: "malformed" };
  const [headerPart, payloadPart, signaturePart] = parts;

  // 1. The algorithm is fixed: never let the token choose it ("none", RS256…).
  const header = json(headerPart);
  if (!header) return { ok: false, error: "malformed" };
  if (header.alg !== "HS256") return { ok: false, error: "unsupported_algorithm" };

  // 2. The signature, compared in constant time, before reading any claim. The key is the
  //    UTF-8 text of the secret the portal's operator gave you.
  const expected = createHmac("sha256", options.secret).update(`${headerPart}.${payloadPart}`, "utf8").digest();
  const given = Buffer.from(signaturePart, "base64url");
  if (given.length !== expected.length || given.toString("base64url") !== signaturePart || !timingSafeEqual(given, expected)) {
    return { ok: false, error: "bad_signature" };
  }

  // 3. The claims.
  const claims = json(payloadPart) as Partial<PortalClaims> | null;
  if (!claims || typeof claims.sub !== "string" || typeof claims.jti !== "string" || !Number.isInteger(claims.exp) || !Number.isInteger(claims.iat) || typeof claims.organisation?.id !== "string") {
    return { ok: false, error: "malformed" };
  }
  if (claims.iss !== "portail-e-services") return { ok: false, error: "wrong_issuer" };
  if (claims.aud !== options.slug) return { ok: false, error: "wrong_audience" };
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (now >= claims.exp!) return { ok: false, error: "expired" };
  if (claims.iat! > now + 30) return { ok: false, error: "not_yet_valid" };

  // 4. Single use.
  for (const [jti, exp] of seen) if (exp <= now) seen.delete(jti);
  if (seen.has(claims.jti)) return { ok: false, error: "replayed" };
  seen.set(claims.jti, claims.exp!);

  return { ok: true, claims: claims as PortalClaims };
}

// Command-line demonstration.
if (process.argv[1]?.endsWith("verify-e-service-token.ts")) {
  const token = process.argv[2];
  const secret = process.env.E_SERVICE_TOKEN_SECRET;
  const slug = process.env.E_SERVICE_SLUG;
  if (!token || !secret || !slug) {
    console.error("Usage : E_SERVICE_SLUG=<slug> E_SERVICE_TOKEN_SECRET=<secret> npx tsx scripts/examples/verify-e-service-token.ts <jeton>");
    process.exit(2);
  }
  const result = verifyPortalToken(token, { secret, slug });
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.ok ? 0 : 1);
}
