// How a generated letter leaves the portal (LR-6).
//
// The default, `printQueueSender`, does nothing but accept the letter: a letter row in status
// QUEUED *is* the operators' print queue. The "Courrier" page lists these rows, prints the
// day's batch (their stored PDFs merged, see merge-pdfs.ts) and records "marqué comme posté".
//
// Plugging in a hybrid-mail provider (a service that prints, envelopes and posts a PDF:
// Maileva, La Poste's "Lettre en ligne", Docaposte, Esker…) means writing another
// `LetterSender`:
// - `name` is stored in the letter's `sender` column, so the history shows who handled it;
// - `submit` uploads `pdf` with `addressLines` (most providers want the address separately,
//   or check that it sits in their window zone; ours is at 110 × 50 mm, 85 mm wide, which
//   matches the usual DL/C5 window templates), passes `id` as the idempotency key so that a
//   retried call does not post twice, and returns `{ status: "sent", providerReference }`
//   (the provider's tracking id) once the provider has accepted it; it throws when it did
//   not, and the caller's job retries later;
// - the API key comes from the environment (lib/env.ts), and the provider is chosen there,
//   like the e-mail sender (lib/mail/senders.ts);
// - the PDF holds the confirmation code in clear: never log it nor its bytes.
// Letters answered "sent" skip the print queue; "marquer comme posté" stays for "queued" ones.

export interface OutgoingLetter {
  /** The letter row id: also the idempotency key for providers. */
  id: string;
  pdf: Uint8Array;
  /** The recipient block as printed on the letter (address-block.ts). */
  addressLines: string[];
}

export interface LetterSubmission {
  /** "queued": an operator prints and posts it; "sent": a provider took it in charge. */
  status: "queued" | "sent";
  providerReference?: string;
}

export interface LetterSender {
  readonly name: string;
  submit(letter: OutgoingLetter): Promise<LetterSubmission>;
}

/** The default sender: the letter waits in the operators' print queue. */
export const printQueueSender: LetterSender = {
  name: "print-queue",
  async submit() {
    return { status: "queued" };
  },
};
