// Password storage (PWD-4): argon2id with OWASP's minimum parameters (19 MiB, 2 passes,
// 1 lane) through @node-rs/argon2, a maintained native binding with prebuilt binaries.
import { hash, verify } from "@node-rs/argon2";

// Algorithm is a `const enum` in the package's typings, unusable with isolatedModules.
const ARGON2ID = 2;

export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** False for a wrong password or a malformed hash; never throws for bad input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
