// Where outbox messages go (MAIL-2): Resend in production, nowhere in development and
// tests, where the outbox itself is the mailbox read by /dev/mailbox.
import "server-only";
import { Resend } from "resend";
import { env } from "../env";

export interface OutgoingEmail {
  /** The outbox row id: also the idempotency key, so a retried send is delivered once. */
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** What became of one message of a batch: its provider id, or why the provider refused it. */
export type BatchOutcome = { providerId: string } | { error: string };

export interface MailSender {
  readonly name: string;
  /** Sends one message and returns the provider's id for it; throws when it was not accepted. */
  send(email: OutgoingEmail): Promise<{ providerId: string }>;
  /**
   * Sends up to 100 messages in one call under one idempotency key, the same for every retry
   * of the same batch. Returns one outcome per message, in order; throws when the call as a
   * whole failed (nothing, or possibly everything, was accepted: the batch is retried as is).
   */
  sendBatch?(emails: OutgoingEmail[], idempotencyKey: string): Promise<BatchOutcome[]>;
}

/**
 * A failure of the call itself that says nothing about the messages (rate limit, provider
 * error, timeout, unreachable): retried without ever giving a message up for it, and the
 * delivery loop waits `retryAfterMs` (or backs off) before any other call.
 */
export class TransientSendError extends Error {
  override readonly name = "TransientSendError";
  constructor(
    message: string,
    readonly statusCode: number | null,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

interface ResendError {
  statusCode: number | null;
  name: string;
  message: string;
}

/** 429, 5xx, no answer at all (statusCode null: timeout, connection refused) and a concurrent retry of the same key. */
function toError(error: ResendError, headers: Record<string, string> | null): Error {
  const text = `Resend ${error.statusCode ?? "sans réponse"} ${error.name}: ${error.message}`;
  const status = error.statusCode;
  if (status === null || status === 429 || status >= 500 || error.name === "concurrent_idempotent_requests") {
    const retryAfter = Number(headers?.["retry-after"]);
    return new TransientSendError(text, status, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
  }
  return new Error(text);
}

/** Sends through the Resend API. An `error` in its answer is a failure, retried later. */
export class ResendSender implements MailSender {
  readonly name = "resend";
  private readonly client: Resend;

  constructor(
    apiKey: string,
    private readonly from: string,
    private readonly timeoutMs = 30_000,
  ) {
    this.client = new Resend(apiKey);
  }

  async send(email: OutgoingEmail): Promise<{ providerId: string }> {
    const { data, error, headers } = await this.client.emails.send(
      { from: this.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
      // Resend keeps idempotency keys for 24 hours: a message whose success could not be
      // recorded (crash, lost connection) and is sent again reaches its recipient once.
      { idempotencyKey: `outbox-email/${email.id}`, signal: AbortSignal.timeout(this.timeoutMs) },
    );
    if (error) throw toError(error, headers);
    if (!data?.id) throw new Error("Resend answered without a message id");
    return { providerId: data.id };
  }

  async sendBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<BatchOutcome[]> {
    const { data, error, headers } = await this.client.batch.send(
      emails.map((email) => ({ from: this.from, to: email.to, subject: email.subject, html: email.html, text: email.text })),
      // Permissive: an address Resend refuses fails alone instead of the 99 others with it.
      // The signal is passed on to fetch: a call that hangs becomes a retried failure.
      { idempotencyKey, batchValidation: "permissive", signal: AbortSignal.timeout(this.timeoutMs) },
    );
    if (error) throw toError(error, headers);
    const accepted = (data as { data?: { id: string }[] } | null)?.data ?? [];
    const refused = new Map(((data as { errors?: { index: number; message: string }[] } | null)?.errors ?? []).map((item) => [item.index, item.message]));
    // Resend lists the accepted messages' ids in order, skipping the refused ones.
    let next = 0;
    return emails.map((_, index): BatchOutcome => {
      const reason = refused.get(index);
      if (reason !== undefined) return { error: `Resend a refusé ce message : ${reason}` };
      const id = accepted[next++]?.id;
      return id ? { providerId: id } : { error: "Resend answered without a message id" };
    });
  }
}

/** No network: the message stays readable in the dev mailbox, marked as sent. */
export class MailboxSender implements MailSender {
  readonly name = "dev-mailbox";

  async send(): Promise<{ providerId: string }> {
    return { providerId: "dev-mailbox" };
  }

  async sendBatch(emails: OutgoingEmail[]): Promise<BatchOutcome[]> {
    return emails.map(() => ({ providerId: "dev-mailbox" }));
  }
}

/** Resend when RESEND_API_KEY is set, otherwise the dev mailbox. */
export function mailSenderFromEnv(): MailSender {
  const config = env();
  return config.RESEND_API_KEY ? new ResendSender(config.RESEND_API_KEY, config.MAIL_FROM, config.MAIL_TIMEOUT_MS) : new MailboxSender();
}
