// A local stand-in for the parts of Resend's HTTP API the outbox uses (MAIL-1): POST /emails
// and POST /emails/batch, reached by pointing RESEND_BASE_URL (read by the resend package) at
// it. It listens on 127.0.0.1 only and enforces what the real API enforces and the delivery
// loop must cope with: a rate limit per second (429 with retry-after), at most 100 messages
// per batch, idempotency keys (the same key and body answer the first answer again without
// sending; the same key with another body is a 409), permissive batch validation. On demand
// it is down (503), hangs without answering (timeouts), answers 429, or accepts a call and
// then drops the connection before answering (the crash between sending and recording).
// Everything it "delivers" is recorded, so tests and the benchmark count lost and duplicate
// messages. Used by lib/mail/delivery.int.test.ts and `npm run bench -- mail`.
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type StandInMode =
  /** Accepts what is valid. */
  | "ok"
  /** 503 to every call, nothing accepted. */
  | "down"
  /** Accepts the call, then never answers: the client times out not knowing. */
  | "timeout"
  /** 429 to every call, nothing accepted. */
  | "rate-limited"
  /** Accepts the call, then drops the connection before answering. */
  | "drop-after-accepting";

export interface DeliveredEmail {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string | null;
  at: number;
}

export interface StandInOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Calls accepted per rolling second (Resend: 2 by default); beyond, 429. */
  requestsPerSecond?: number;
  maxBatchSize?: number;
  /** Milliseconds added to each answer, as the real API takes some time. */
  latencyMs?: number;
}

export interface ResendStandIn {
  url: string;
  delivered: DeliveredEmail[];
  stats: { requests: number; accepted: number; rateLimited: number; replayed: number; failed: number; maxPerSecond: number };
  mode: StandInMode;
  /** Messages delivered more than once (same recipient, subject and text). */
  duplicates(): number;
  /** Forgets everything delivered and every idempotency key, back to "ok". */
  reset(): void;
  close(): Promise<void>;
}

interface StoredAnswer {
  bodyHash: string;
  status: number;
  body: unknown;
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export async function startResendStandIn(options: StandInOptions = {}): Promise<ResendStandIn> {
  const limit = options.requestsPerSecond ?? 2;
  const maxBatchSize = options.maxBatchSize ?? 100;
  const latencyMs = options.latencyMs ?? 0;
  const idempotency = new Map<string, StoredAnswer>();
  const recent: number[] = [];
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();
  const seen = new Map<string, number>();

  const standIn: ResendStandIn = {
    url: "",
    delivered: [],
    stats: { requests: 0, accepted: 0, rateLimited: 0, replayed: 0, failed: 0, maxPerSecond: 0 },
    mode: "ok",
    duplicates() {
      let count = 0;
      for (const times of seen.values()) count += Math.max(times - 1, 0);
      return count;
    },
    reset() {
      standIn.delivered.length = 0;
      standIn.mode = "ok";
      Object.assign(standIn.stats, { requests: 0, accepted: 0, rateLimited: 0, replayed: 0, failed: 0, maxPerSecond: 0 });
      seen.clear();
      idempotency.clear();
      recent.length = 0;
    },
    async close() {
      for (const response of held) response.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  function answer(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const send = () => {
      if (response.destroyed) return;
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify(body));
    };
    if (latencyMs) setTimeout(send, latencyMs);
    else send();
  }

  function error(response: ServerResponse, status: number, name: string, message: string, headers: Record<string, string> = {}): void {
    answer(response, status, { statusCode: status, name, message }, headers);
  }

  function deliver(email: Record<string, unknown>, key: string | null): { id: string } | { error: string } {
    const to = Array.isArray(email.to) ? String(email.to[0]) : String(email.to ?? "");
    if (!ADDRESS.test(to) || typeof email.subject !== "string" || typeof email.from !== "string") {
      return { error: `Invalid \`to\` field: ${to}` };
    }
    const record: DeliveredEmail = {
      id: randomUUID(),
      to,
      subject: email.subject,
      html: String(email.html ?? ""),
      text: String(email.text ?? ""),
      idempotencyKey: key,
      at: Date.now(),
    };
    standIn.delivered.push(record);
    const identity = `${record.to}\n${record.subject}\n${record.text}`;
    seen.set(identity, (seen.get(identity) ?? 0) + 1);
    return { id: record.id };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    standIn.stats.requests += 1;

    if (request.method !== "POST" || (request.url !== "/emails" && request.url !== "/emails/batch")) {
      return error(response, 404, "not_found", "The requested endpoint does not exist.");
    }
    if (!/^Bearer \S+/.test(request.headers.authorization ?? "")) return error(response, 401, "missing_api_key", "Missing API key in the authorization header.");

    const now = Date.now();
    while (recent.length && recent[0] <= now - 1000) recent.shift();
    if (standIn.mode === "rate-limited" || recent.length >= limit) {
      standIn.stats.rateLimited += 1;
      return error(response, 429, "rate_limit_exceeded", "Too many requests. You can only make 2 requests per second.", { "retry-after": "1" });
    }
    recent.push(now);
    standIn.stats.maxPerSecond = Math.max(standIn.stats.maxPerSecond, recent.length);
    if (standIn.mode === "down") {
      standIn.stats.failed += 1;
      return error(response, 503, "internal_server_error", "Service unavailable.");
    }

    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      return error(response, 422, "validation_error", "Invalid JSON body.");
    }
    const key = typeof request.headers["idempotency-key"] === "string" ? request.headers["idempotency-key"] : null;
    const bodyHash = createHash("sha256").update(raw).digest("hex");
    if (key) {
      const stored = idempotency.get(key);
      if (stored && stored.bodyHash !== bodyHash) return error(response, 409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
      if (stored) {
        standIn.stats.replayed += 1;
        return answer(response, stored.status, stored.body);
      }
    }

    const status = 200;
    let body: unknown;
    if (request.url === "/emails/batch") {
      if (!Array.isArray(payload) || payload.length === 0) return error(response, 422, "validation_error", "The batch must be a non-empty array.");
      if (payload.length > maxBatchSize) return error(response, 422, "validation_error", `Too many emails: at most ${maxBatchSize} per batch.`);
      const permissive = request.headers["x-batch-validation"] === "permissive";
      const outcomes = (payload as Record<string, unknown>[]).map((email) => deliver(email, key));
      const errors = outcomes.flatMap((outcome, index) => ("error" in outcome ? [{ index, message: outcome.error }] : []));
      if (errors.length && !permissive) {
        // Strict: the whole batch is refused (what was recorded for it is taken back).
        standIn.delivered.splice(standIn.delivered.length - outcomes.length);
        return error(response, 422, "validation_error", errors[0].message);
      }
      body = { data: outcomes.flatMap((outcome) => ("id" in outcome ? [{ id: outcome.id }] : [])), ...(permissive ? { errors } : {}) };
    } else {
      const outcome = deliver(payload as Record<string, unknown>, key);
      if ("error" in outcome) return error(response, 422, "validation_error", outcome.error);
      body = { id: outcome.id };
    }
    standIn.stats.accepted += 1;
    if (key) idempotency.set(key, { bodyHash, status, body });

    if (standIn.mode === "timeout") {
      held.add(response);
      response.on("close", () => held.delete(response));
      return;
    }
    if (standIn.mode === "drop-after-accepting") {
      response.destroy();
      return;
    }
    answer(response, status, body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) error(response, 500, "application_error", "Stand-in failure.");
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return standIn;
}
