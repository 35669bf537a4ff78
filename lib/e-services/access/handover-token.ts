// The short-lived signed token handed to an e-service when a user opens it (ADM-4).
//
// Format (documented for e-service developers in docs/e-service-token.md): a compact JWT
// signed with HS256, i.e. base64url(header).base64url(payload).base64url(HMAC-SHA256).
// Each e-service has its own secret, derived from AUTH_SECRET and its slug, so no new
// setting is needed and one e-service's secret cannot sign tokens for another.
//
// Written with node:crypto rather than a JWT library: the format is ten lines of code, the
// project has no JWT dependency, and the verification must stay copyable by e-service
// developers (scripts/examples/verify-e-service-token.ts).
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

export const TOKEN_ISSUER = "portail-e-services";
/** Lifetime of a token, in seconds: long enough for a redirect, short enough to be useless once leaked. */
export const TOKEN_LIFETIME_SECONDS = 60;
/** Tolerated advance of the portal's clock over the e-service's, in seconds (iat only: exp is strict). */
export const CLOCK_SKEW_SECONDS = 30;
const MAX_TOKEN_LENGTH = 4_096;
const HEADER = { alg: "HS256", typ: "JWT" } as const;

export interface HandoverClaims {
  iss: typeof TOKEN_ISSUER;
  /** The e-service's slug. */
  aud: string;
  /** The account id. */
  sub: string;
  identifier: string;
  organisation: { id: string; code: string; name: string };
  /** Issued at, in seconds since the epoch. */
  iat: number;
  /** Expiry, in seconds since the epoch: iat + 60. */
  exp: number;
  /** Unique token id: the e-service refuses a jti it has already seen (single use). */
  jti: string;
}

export type HandoverTokenError =
  | "malformed"
  | "unsupported_algorithm"
  | "bad_signature"
  | "wrong_issuer"
  | "wrong_audience"
  | "expired"
  | "not_yet_valid";

export type VerifyResult = { ok: true; claims: HandoverClaims } | { ok: false; error: HandoverTokenError };

/**
 * The secret of one e-service: base64url(HMAC-SHA256(key = serverSecret, "e-service-token:" + slug)).
 * An operator gives this string to the e-service; both sides use its UTF-8 bytes as the HMAC key.
 */
export function eServiceTokenSecret(slug: string, serverSecret: string | undefined = process.env.AUTH_SECRET): string {
  if (!serverSecret) throw new Error("AUTH_SECRET manquant : impossible de signer le jeton d'e-service");
  return createHmac("sha256", serverSecret).update(`e-service-token:${slug}`, "utf8").digest("base64url");
}

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

function signature(secret: string, signingInput: string): Buffer {
  return createHmac("sha256", secret).update(signingInput, "utf8").digest();
}

export function signHandoverToken(input: {
  secret: string;
  audience: string;
  account: { id: string; identifier: string };
  organisation: { id: string; code: string; name: string };
  now?: Date;
  jti?: string;
}): string {
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const claims: HandoverClaims = {
    iss: TOKEN_ISSUER,
    aud: input.audience,
    sub: input.account.id,
    identifier: input.account.identifier,
    organisation: { id: input.organisation.id, code: input.organisation.code, name: input.organisation.name },
    iat,
    exp: iat + TOKEN_LIFETIME_SECONDS,
    jti: input.jti ?? randomUUID(),
  };
  const signingInput = `${encodeJson(HEADER)}.${encodeJson(claims)}`;
  return `${signingInput}.${signature(input.secret, signingInput).toString("base64url")}`;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodeJson(part: string): unknown {
  if (!BASE64URL.test(part)) return undefined;
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isClaims(value: unknown): value is HandoverClaims {
  if (!isObject(value) || !isObject(value.organisation)) return false;
  const organisation = value.organisation;
  return (
    typeof value.iss === "string" &&
    typeof value.aud === "string" &&
    typeof value.sub === "string" &&
    typeof value.identifier === "string" &&
    typeof value.jti === "string" &&
    Number.isInteger(value.iat) &&
    Number.isInteger(value.exp) &&
    typeof organisation.id === "string" &&
    typeof organisation.code === "string" &&
    typeof organisation.name === "string"
  );
}

/**
 * Checks a token: shape, algorithm (HS256 only: "none" and others are refused), signature
 * (constant time), issuer, audience, then validity period. The signature is checked before
 * any claim is trusted.
 */
export function verifyHandoverToken(
  token: unknown,
  options: { secret: string; audience: string; now?: Date },
): VerifyResult {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return { ok: false, error: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return { ok: false, error: "malformed" };
  const [headerPart, payloadPart, signaturePart] = parts;

  const header = decodeJson(headerPart);
  if (!isObject(header)) return { ok: false, error: "malformed" };
  if (header.alg !== "HS256") return { ok: false, error: "unsupported_algorithm" };

  const expected = signature(options.secret, `${headerPart}.${payloadPart}`);
  const given = Buffer.from(signaturePart, "base64url");
  // Re-encoding rejects non-canonical base64url spellings of the same bytes.
  if (given.length !== expected.length || given.toString("base64url") !== signaturePart || !timingSafeEqual(given, expected)) {
    return { ok: false, error: "bad_signature" };
  }

  const claims = decodeJson(payloadPart);
  if (!isClaims(claims)) return { ok: false, error: "malformed" };
  if (claims.iss !== TOKEN_ISSUER) return { ok: false, error: "wrong_issuer" };
  if (claims.aud !== options.audience) return { ok: false, error: "wrong_audience" };
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (now >= claims.exp) return { ok: false, error: "expired" };
  if (claims.iat > now + CLOCK_SKEW_SECONDS) return { ok: false, error: "not_yet_valid" };
  return { ok: true, claims };
}
