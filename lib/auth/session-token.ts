// Auth.js's session token (a JWE, "dir" + A256CBC-HS512, keyed by HKDF of AUTH_SECRET and the
// cookie's name), encoded and decoded exactly as next-auth/jwt does, with jose, but with the
// derived key and its thumbprint worked out once per process instead of on every call: Auth.js
// derives both (two jobs on libuv's thread pool, behind argon2's) each time a token is read,
// on every signed-in request, and each time one is written, on every login. Auth.js uses these
// through its `jwt` option (lib/auth/auth.ts); the login form's sign-in and the provider's
// logout call them directly. A test holds them to next-auth/jwt in both directions.
import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { base64url, calculateJwkThumbprint, EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

const ALGORITHM = "dir";
const ENCRYPTION = "A256CBC-HS512";
const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

interface DerivedKey {
  key: Uint8Array;
  thumbprint: string;
}

/** A handful of entries: one per secret, cookie name (salt) and encryption. */
const derivedKeys = new Map<string, Promise<DerivedKey>>();

function derivedKey(encryption: string, secret: string, salt: string): Promise<DerivedKey> {
  const length = encryption === "A256CBC-HS512" ? 64 : encryption === "A256GCM" ? 32 : 0;
  if (!length) return Promise.reject(new Error("Unsupported JWT Content Encryption Algorithm"));
  const id = JSON.stringify([encryption, secret, salt]);
  let entry = derivedKeys.get(id);
  if (!entry) {
    entry = (async () => {
      const key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length));
      const thumbprint = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, `sha${length << 3}` as "sha256");
      return { key, thumbprint };
    })();
    derivedKeys.set(id, entry);
  }
  return entry;
}

export async function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const { token = {}, secret, maxAge = DEFAULT_MAX_AGE_SECONDS, salt } = params;
  const { key, thumbprint } = await derivedKey(ENCRYPTION, Array.isArray(secret) ? secret[0] : secret, salt);
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token as Record<string, unknown>)
    .setProtectedHeader({ alg: ALGORITHM, enc: ENCRYPTION, kid: thumbprint })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(key);
}

/** The token's claims, or null without a token; throws on a token that does not decrypt or has expired (as Auth.js's decode). */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt } = params;
  if (!token) return null;
  const secrets = Array.isArray(secret) ? secret : [secret];
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      for (const candidate of secrets) {
        const { key, thumbprint } = await derivedKey(enc, candidate, salt);
        if (kid === undefined || kid === thumbprint) return key;
      }
      throw new Error("no matching decryption secret");
    },
    { clockTolerance: 15, keyManagementAlgorithms: [ALGORITHM], contentEncryptionAlgorithms: [ENCRYPTION, "A256GCM"] },
  );
  return payload as JWT;
}
