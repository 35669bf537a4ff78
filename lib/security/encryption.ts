// Secrets at rest (ARCHITECTURE "Secrets at rest"): AES-256-GCM from node:crypto, the key id
// stored beside the value. Used for what must be shown again later and so cannot be hashed:
// today the confirmation code of a letter, kept to re-print it (LR-6).
//
// The key comes from configuration: SECRETS_ENCRYPTION_KEY (32 bytes, base64) when set,
// otherwise derived from AUTH_SECRET (HKDF-SHA256, its own label). Its id is the first 8 hex
// digits of SHA-256(key): a value written under another key (a rotated secret) is recognised
// and reported as undecryptable instead of failing the authentication check obscurely.
// Each value is bound to its record (`context`, the additional authenticated data), so a
// ciphertext copied onto another row does not decrypt there.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { derivedKey } from "./secrets";

export interface EncryptedValue {
  /** base64url of IV (12 bytes) ‖ authentication tag (16 bytes) ‖ ciphertext. */
  ciphertext: string;
  keyId: string;
}

function currentKey(): { key: Buffer; keyId: string } {
  const configured = process.env.SECRETS_ENCRYPTION_KEY;
  let key: Buffer;
  if (configured) {
    key = Buffer.from(configured, "base64");
    if (key.length !== 32) throw new Error("SECRETS_ENCRYPTION_KEY doit contenir 32 octets encodés en base64");
  } else {
    key = derivedKey("secrets-at-rest:v1");
  }
  return { key, keyId: createHash("sha256").update(key).digest("hex").slice(0, 8) };
}

export function encryptAtRest(plaintext: string, context: string): EncryptedValue {
  const { key, keyId } = currentKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url"), keyId };
}

/** The plaintext, or null when the value was written under another key or was altered. */
export function decryptAtRest(value: EncryptedValue, context: string): string | null {
  const { key, keyId } = currentKey();
  if (value.keyId !== keyId) return null;
  const raw = Buffer.from(value.ciphertext, "base64url");
  if (raw.length < 28) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
