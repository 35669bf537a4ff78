// A local run on the embedded database needs no configuration: its AUTH_SECRET is generated
// once and kept in .data/auth-secret. The app and the worker must share it, since it keys the
// stored hashes of links, codes and API keys (lib/security/secrets.ts) and encrypts what is
// kept at rest (lib/security/encryption.ts).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function localAuthSecret(): string {
  const file = path.resolve(".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
