import { z } from "zod";
import { frenchIssueMessage } from "@/lib/form-fields";
import { devMailboxEnabled } from "@/lib/env";
import { isAllowedText } from "@/lib/security/input-text";
import { listMailboxMessages } from "@/lib/mail/queries";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  to: z
    .string()
    // SEC-9: NUL would fail the query (500); no address holds a refused character anyway.
    .refine((value) => isAllowedText(value), "L'adresse contient des caractères non autorisés.")
    .pipe(z.string().trim().max(320, "Adresse trop longue."))
    .optional(),
});

/**
 * The dev mailbox as JSON (MAIL-2), read by the end-to-end journeys:
 * `[{ to, subject, text, html, links, createdAt }]`, newest first, at most 200.
 * Open to anyone who reaches it: it exists only where devMailboxEnabled() says so (npm run dev,
 * tests, or ENABLE_DEV_MAILBOX=1 in production without RESEND_API_KEY; SEC-10).
 */
export async function GET(request: Request) {
  if (!devMailboxEnabled()) return new Response("Not Found", { status: 404 });
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams), { error: frenchIssueMessage });
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues[0]?.message ?? "Requête invalide." }, { status: 400 });
  }
  const messages = await listMailboxMessages({ to: parsed.data.to || undefined });
  return Response.json(
    messages.map(({ to, subject, text, html, links, createdAt }) => ({ to, subject, text, html, links, createdAt })),
    { headers: { "Cache-Control": "no-store" } },
  );
}
