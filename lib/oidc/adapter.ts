// The storage of oidc-provider in PostgreSQL (SSO-1): every model it keeps (sessions,
// interactions, grants, codes, tokens…) is one row of oidc_payloads keyed by (kind, id), so
// that any app instance can continue what another started. Clients are not stored here:
// they are the e-services registered by operators (oidc_clients), read through clientMetadata.
//
// The adapter interface is oidc-provider's (see its lib/adapters/memory_adapter.js): upsert,
// find, findByUid, findByUserCode, consume, destroy, revokeByGrantId.
import "server-only";
import { errors } from "oidc-provider";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { clientMetadata } from "./clients";

type Payload = Record<string, unknown> & {
  grantId?: string;
  userCode?: string;
  uid?: string;
  accountId?: string;
  clientId?: string;
  consumed?: number;
};

function text(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The adapter class oidc-provider instantiates once per model name, bound to `db`. */
export function prismaAdapter(db: Db) {
  return class PrismaOidcAdapter {
    constructor(readonly kind: string) {}

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      if (this.kind === "Client") throw new Error("Clients are registered through oidc_clients");
      const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
      const columns = {
        payload: payload as Prisma.InputJsonValue,
        grantId: text(payload.grantId),
        userCode: text(payload.userCode),
        uid: text(payload.uid),
        accountId: text(payload.accountId),
        clientId: text(payload.clientId),
        expiresAt,
      };
      await db.oidcPayload.upsert({
        where: { kind_id: { kind: this.kind, id } },
        create: { kind: this.kind, id, ...columns },
        update: columns,
      });
    }

    async find(id: string): Promise<Payload | undefined> {
      if (this.kind === "Client") return (await clientMetadata(db, id)) ?? undefined;
      const row = await db.oidcPayload.findUnique({ where: { kind_id: { kind: this.kind, id } } });
      return live(row);
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      const row = await db.oidcPayload.findFirst({ where: { kind: this.kind, uid } });
      return live(row);
    }

    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      const row = await db.oidcPayload.findFirst({ where: { kind: this.kind, userCode } });
      return live(row);
    }

    /**
     * Marks a code or token as used, atomically across instances (SSO-1). oidc-provider reads
     * `consumed` on find and only then calls consume(), so two concurrent exchanges of one code
     * (on one instance or two) would both pass its check: the UPDATE … WHERE "consumedAt" IS
     * NULL decides instead. The loser is a replay: like the provider's own replay path
     * (consumeGrantSource), the grant and everything issued under it are revoked and the
     * request gets invalid_grant.
     */
    async consume(id: string): Promise<void> {
      const now = Math.floor(Date.now() / 1000);
      const won = await db.$executeRaw`
        UPDATE "oidc_payloads"
        SET "consumedAt" = now(), "payload" = jsonb_set("payload", '{consumed}', to_jsonb(${now}::int))
        WHERE "kind" = ${this.kind} AND "id" = ${id} AND "consumedAt" IS NULL`;
      if (won === 1) return;
      const row = await db.oidcPayload.findUnique({ where: { kind_id: { kind: this.kind, id } }, select: { grantId: true } });
      if (row?.grantId) await revokeGrant(db, row.grantId);
      throw new errors.InvalidGrant(`${this.kind === "RefreshToken" ? "refresh token" : "authorization code"} already consumed`);
    }

    async destroy(id: string): Promise<void> {
      await db.oidcPayload.deleteMany({ where: { kind: this.kind, id } });
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.oidcPayload.deleteMany({ where: { grantId } });
    }
  };
}

/** A replayed code or token: its grant, and every code and token issued under it, go; so does the login it recorded. */
async function revokeGrant(db: Db, grantId: string): Promise<void> {
  await db.$transaction([
    db.oidcPayload.deleteMany({ where: { OR: [{ grantId }, { kind: "Grant", id: grantId }] } }),
    db.oidcLogin.updateMany({ where: { grantId, endedAt: null }, data: { endedAt: new Date() } }),
  ]);
}

function live(row: { payload: Prisma.JsonValue; expiresAt: Date | null } | null): Payload | undefined {
  if (!row) return undefined;
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return undefined;
  return row.payload as Payload;
}

/** Rows past their expiry: removed by the daily maintenance job. */
export async function purgeExpiredOidcPayloads(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.oidcPayload.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}

export const purgeExpiredOidcPayloadsJob = {
  name: "oidc.purge-expired",
  period: "day" as const,
  run: ({ db, now }: { db: Db; now: Date }) => purgeExpiredOidcPayloads(db, now),
};
