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

export interface MailSender {
  readonly name: string;
  /** Sends one message and returns the provider's id for it; throws when it was not accepted. */
  send(email: OutgoingEmail): Promise<{ providerId: string }>;
}

/** Sends through the Resend API. An `error` in its answer is a failure, retried later. */
export class ResendSender implements MailSender {
  readonly name = "resend";
  private readonly client: Resend;

  constructor(
    apiKey: string,
    private readonly from: string,
  ) {
    this.client = new Resend(apiKey);
  }

  async send(email: OutgoingEmail): Promise<{ providerId: string }> {
    const { data, error } = await this.client.emails.send(
      { from: this.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
      // Resend keeps idempotency keys for 24 hours: a message whose success could not be
      // recorded (crash, lost connection) and is sent again reaches its recipient once.
      { idempotencyKey: `outbox-email/${email.id}` },
    );
    if (error) throw new Error(`Resend ${error.statusCode ?? "?"} ${error.name}: ${error.message}`);
    if (!data?.id) throw new Error("Resend answered without a message id");
    return { providerId: data.id };
  }
}

/** No network: the message stays readable in the dev mailbox, marked as sent. */
export class MailboxSender implements MailSender {
  readonly name = "dev-mailbox";

  async send(): Promise<{ providerId: string }> {
    return { providerId: "dev-mailbox" };
  }
}

/** Resend when RESEND_API_KEY is set, otherwise the dev mailbox. */
export function mailSenderFromEnv(): MailSender {
  const config = env();
  return config.RESEND_API_KEY ? new ResendSender(config.RESEND_API_KEY, config.MAIL_FROM) : new MailboxSender();
}
