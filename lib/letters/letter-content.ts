// What a letter says, minus its confirmation code (LR-2, LR-6): stored with the letter so
// that a re-print is the same letter (same date, address, names), rendered again with the
// request's code decrypted for that moment only. The PDF itself, which carries the code in
// clear, is deleted once the letter is marked posted.
import { z } from "zod";
import { letterSender } from "../support-contacts";
import type { LetterData } from "./letter-document";

export type LetterContent = Omit<LetterData, "confirmationCode">;

const storedSchema = z.object({
  requestNumber: z.string(),
  expiresAt: z.iso.datetime(),
  issuedAt: z.iso.datetime(),
  validationUrl: z.string(),
  organisation: z.object({ name: z.string(), code: z.string(), typeLiaison: z.number().int().optional() }),
  // Absent from letters stored before issue 16: the configured sender then signs the re-print.
  sender: z
    .object({ name: z.string(), address: z.array(z.string()), caseOfficer: z.string(), logo: z.string().nullable() })
    .optional(),
  addressLines: z.array(z.string()),
  requester: z.object({
    civility: z.enum(["MADAME", "MONSIEUR"]),
    firstName: z.string(),
    lastName: z.string(),
    jobTitle: z.string().nullable(),
    email: z.string(),
    identifier: z.string(),
  }),
  requesterIsDeputy: z.boolean().optional(),
  currentAdministrator: z.object({ firstName: z.string(), lastName: z.string() }).nullable(),
  supportEmail: z.string(),
  supportPhone: z.string(),
});

export type StoredLetterContent = z.infer<typeof storedSchema>;

export function storeLetterContent(content: LetterContent): StoredLetterContent {
  return {
    requestNumber: content.requestNumber,
    expiresAt: content.expiresAt.toISOString(),
    issuedAt: content.issuedAt.toISOString(),
    validationUrl: content.validationUrl,
    organisation: { name: content.organisation.name, code: content.organisation.code, typeLiaison: content.organisation.typeLiaison },
    sender: { ...content.sender, address: [...content.sender.address] },
    addressLines: [...content.addressLines],
    requester: { ...content.requester },
    ...(content.requesterIsDeputy ? { requesterIsDeputy: true } : {}),
    currentAdministrator: content.currentAdministrator ? { ...content.currentAdministrator } : null,
    supportEmail: content.supportEmail,
    supportPhone: content.supportPhone,
  };
}

/** The stored content back as letter data, or null when the row holds none (older letters). */
export function readLetterContent(value: unknown): LetterContent | null {
  const parsed = storedSchema.safeParse(value);
  if (!parsed.success) return null;
  return {
    ...parsed.data,
    // The logo is the file configured now: a path stored on another machine may not exist here.
    sender: { ...(parsed.data.sender ?? letterSender()), logo: letterSender().logo },
    expiresAt: new Date(parsed.data.expiresAt),
    issuedAt: new Date(parsed.data.issuedAt),
  };
}
