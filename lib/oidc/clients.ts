// E-services as OpenID Connect clients (SSO-2). One client per catalogue e-service, held in
// oidc_clients and read by the provider through the adapter (clientMetadata), so a change is
// seen at once by every instance.
//
// client_secret_basic secrets are kept ENCRYPTED (AES-256-GCM, lib/security/encryption.ts),
// not hashed: oidc-provider compares the presented secret with the registered one itself (in
// constant time) and needs the plaintext for that. Operators see it once, at creation or
// renewal; the database alone does not reveal it (the key is in configuration).
import "server-only";
import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { UserError, type AuditAuthor, type Client, type OperationContext } from "../operation";
import { decryptAtRest, encryptAtRest } from "../security/encryption";
import { newSecret } from "../security/secrets";
import { SIGNING_ALGORITHM } from "./keys";
import { oidcClientSchema, type OidcClientInput, type OidcClientValues } from "./schemas";

function secretContext(clientId: string): string {
  return `oidc-client-secret:${clientId}`;
}

function checked(input: OidcClientInput): OidcClientValues {
  const result = oidcClientSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UserError(issue.message, issue.path[0] as string | undefined);
  }
  return result.data;
}

function assertOperatorOrSystem(author: AuditAuthor) {
  // Authorization belongs to the callers (guard "operator", or the command line).
  if (typeof author !== "string" && author.role !== "OPERATOR") throw new Error(`OIDC clients are managed by operators, not ${author.role}`);
}

function sealedSecret(clientId: string, authMethod: OidcClientValues["authMethod"]) {
  if (authMethod !== "CLIENT_SECRET_BASIC") return { secret: null, columns: { secretCiphertext: null, secretKeyId: null } };
  const secret = newSecret(32);
  const sealed = encryptAtRest(secret, secretContext(clientId));
  return { secret, columns: { secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId } };
}

/** What the audit log keeps of a registration: every address, never the secret. */
function auditView(values: OidcClientValues) {
  return {
    authMethod: values.authMethod,
    redirectUris: values.redirectUris,
    postLogoutRedirectUris: values.postLogoutRedirectUris,
    backchannelLogoutUri: values.backchannelLogoutUri,
    initiateLoginUri: values.initiateLoginUri,
    jwksUri: values.jwksUri,
  };
}

export interface RegisteredClient {
  clientId: string;
  /** Shown once; null for private_key_jwt. */
  clientSecret: string | null;
}

/** Registers the e-service as a client: a new client id and, for client_secret_basic, a secret shown once. */
export async function registerOidcClient(
  db: Db,
  author: AuditAuthor,
  eServiceId: string,
  rawInput: OidcClientInput,
  operation: OperationContext = {},
): Promise<RegisteredClient> {
  assertOperatorOrSystem(author);
  const values = checked(rawInput);
  const eService = await db.eService.findUnique({ where: { id: eServiceId }, select: { id: true, slug: true, name: true } });
  if (!eService) throw new UserError("Cet e-service n'existe pas ou plus : revenez au catalogue.");
  const clientId = `${eService.slug}-${randomBytes(6).toString("hex")}`;
  const { secret, columns } = sealedSecret(clientId, values.authMethod);
  try {
    await db.$transaction(async (tx) => {
      await tx.oidcClient.create({ data: { clientId, eServiceId, ...values, ...columns } });
      await recordAuditEvent(tx, {
        actor: author,
        action: "oidc.client_registered",
        target: { type: "e_service", id: eService.id, label: eService.name },
        details: { clientId, ...auditView(values) },
        ipAddress: operation.ipAddress,
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserError("Cet e-service est déjà enregistré comme client OpenID Connect : modifiez son enregistrement.");
    }
    throw error;
  }
  return { clientId, clientSecret: secret };
}

async function clientOf(db: Client, eServiceId: string) {
  const client = await db.oidcClient.findUnique({ where: { eServiceId }, include: { eService: { select: { id: true, name: true } } } });
  if (!client) throw new UserError("Cet e-service n'est pas enregistré comme client OpenID Connect.");
  return client;
}

/** Changes the addresses (and possibly the method) of a registration; a method becoming client_secret_basic gets a new secret. */
export async function updateOidcClient(
  db: Db,
  author: AuditAuthor,
  eServiceId: string,
  rawInput: OidcClientInput,
  operation: OperationContext = {},
): Promise<RegisteredClient> {
  assertOperatorOrSystem(author);
  const values = checked(rawInput);
  return db.$transaction(async (tx) => {
    const existing = await clientOf(tx, eServiceId);
    const newSecretNeeded = values.authMethod === "CLIENT_SECRET_BASIC" && existing.authMethod !== "CLIENT_SECRET_BASIC";
    const sealed = newSecretNeeded || values.authMethod !== "CLIENT_SECRET_BASIC" ? sealedSecret(existing.clientId, values.authMethod) : null;
    await tx.oidcClient.update({ where: { id: existing.id }, data: { ...values, ...(sealed?.columns ?? {}) } });
    await recordAuditEvent(tx, {
      actor: author,
      action: "oidc.client_updated",
      target: { type: "e_service", id: existing.eService.id, label: existing.eService.name },
      details: { clientId: existing.clientId, ...auditView(values), secretRenewed: Boolean(sealed?.secret) },
      ipAddress: operation.ipAddress,
    });
    return { clientId: existing.clientId, clientSecret: sealed?.secret ?? null };
  });
}

/** A new secret (the old one stops working at once), shown once. */
export async function renewOidcClientSecret(db: Db, author: AuditAuthor, eServiceId: string, operation: OperationContext = {}): Promise<RegisteredClient> {
  assertOperatorOrSystem(author);
  return db.$transaction(async (tx) => {
    const existing = await clientOf(tx, eServiceId);
    if (existing.authMethod !== "CLIENT_SECRET_BASIC") throw new UserError("Cet e-service s'authentifie par ses clés (private_key_jwt) : il n'a pas de secret.");
    const { secret, columns } = sealedSecret(existing.clientId, "CLIENT_SECRET_BASIC");
    await tx.oidcClient.update({ where: { id: existing.id }, data: columns });
    await recordAuditEvent(tx, {
      actor: author,
      action: "oidc.client_secret_renewed",
      target: { type: "e_service", id: existing.eService.id, label: existing.eService.name },
      details: { clientId: existing.clientId },
      ipAddress: operation.ipAddress,
    });
    return { clientId: existing.clientId, clientSecret: secret };
  });
}

/** Removes the registration: the provider no longer knows the client, its grants and tokens go. */
export async function deleteOidcClient(db: Db, author: AuditAuthor, eServiceId: string, operation: OperationContext = {}): Promise<void> {
  assertOperatorOrSystem(author);
  await db.$transaction(async (tx) => {
    const existing = await clientOf(tx, eServiceId);
    await tx.oidcClient.delete({ where: { id: existing.id } });
    await tx.oidcPayload.deleteMany({ where: { clientId: existing.clientId } });
    await tx.oidcLogin.updateMany({ where: { clientId: existing.clientId, endedAt: null }, data: { endedAt: new Date() } });
    await recordAuditEvent(tx, {
      actor: author,
      action: "oidc.client_deleted",
      target: { type: "e_service", id: existing.eService.id, label: existing.eService.name },
      details: { clientId: existing.clientId },
      ipAddress: operation.ipAddress,
    });
  });
}

/**
 * The client's metadata in oidc-provider's vocabulary (RFC 7591 names). The initiate-login URI
 * stays ours (the portal starts the e-service's login itself, SSO-6): oidc-provider would
 * demand https for it even on a developer's machine. So does the back-channel logout URI:
 * every logout token goes through our queue (lib/oidc/logout.ts: retried, audited, one per
 * login), the provider's own single attempt on RP-initiated logout would send a second one.
 */
export async function clientMetadata(db: Client, clientId: string): Promise<Record<string, unknown> | null> {
  if (typeof clientId !== "string" || clientId.length > 200) return null;
  const client = await db.oidcClient.findUnique({ where: { clientId }, include: { eService: { select: { name: true } } } });
  if (!client) return null;
  const base = {
    client_id: client.clientId,
    client_name: client.eService.name,
    application_type: "web",
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris,
    id_token_signed_response_alg: SIGNING_ALGORITHM,
  };
  if (client.authMethod === "PRIVATE_KEY_JWT") {
    return { ...base, token_endpoint_auth_method: "private_key_jwt", token_endpoint_auth_signing_alg: "ES256", jwks_uri: client.jwksUri };
  }
  const secret = client.secretCiphertext && client.secretKeyId ? decryptAtRest({ ciphertext: client.secretCiphertext, keyId: client.secretKeyId }, secretContext(client.clientId)) : null;
  // A secret that no longer decrypts (SECRETS_ENCRYPTION_KEY changed): the client must get a new one.
  if (!secret) return null;
  return { ...base, token_endpoint_auth_method: "client_secret_basic", client_secret: secret };
}

/** The registration shown on the e-service's catalogue page (never the secret). */
export async function oidcClientOfEService(db: Db, eServiceId: string) {
  return db.oidcClient.findUnique({
    where: { eServiceId },
    select: {
      clientId: true,
      authMethod: true,
      redirectUris: true,
      postLogoutRedirectUris: true,
      backchannelLogoutUri: true,
      initiateLoginUri: true,
      jwksUri: true,
      updatedAt: true,
    },
  });
}
