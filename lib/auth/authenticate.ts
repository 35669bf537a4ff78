// Checks an identifier and a password (ACC-5). Unknown identifiers cost the same argon2
// verification as known ones, so timing does not tell them apart.
import "server-only";
import { z } from "zod";
import { hashPassword, verifyPassword } from "../accounts/password-hash";
import { db } from "../db";

const credentialsSchema = z.object({
  // Spaces pasted around the identifier are ignored; the password is used as typed.
  identifier: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(1024),
});

let decoyHash: Promise<string> | undefined;

export type AuthenticationResult =
  | { ok: true; accountId: string; sessionVersion: number }
  | { ok: false; reason: "invalid" | "not_active" };

export async function authenticate(input: unknown): Promise<AuthenticationResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { identifier, password } = parsed.data;

  const account = await db.account.findUnique({
    where: { identifier },
    select: { id: true, passwordHash: true, status: true, sessionVersion: true, organisationId: true },
  });
  if (!account?.passwordHash) {
    decoyHash ??= hashPassword("mot-de-passe-leurre-pour-le-temps-constant");
    await verifyPassword(await decoyHash, password);
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(account.passwordHash, password))) return { ok: false, reason: "invalid" };
  if (account.status !== "ACTIVE") return { ok: false, reason: "not_active" };

  await db.$transaction([
    db.account.update({ where: { id: account.id }, data: { lastLoginAt: new Date() } }),
    db.loginEvent.create({ data: { accountId: account.id, organisationId: account.organisationId } }),
  ]);
  return { ok: true, accountId: account.id, sessionVersion: account.sessionVersion };
}
