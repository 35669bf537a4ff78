import { z } from "zod";
import { devMailboxEnabled } from "@/lib/env";
import { findMailboxHtml } from "@/lib/mail/queries";

export const dynamic = "force-dynamic";

/**
 * One dev-mailbox message as the HTML a mail client would show (MAIL-2). The HTML is our
 * own rendering (React escapes every value), served under the site's security headers.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!devMailboxEnabled()) return new Response("Not Found", { status: 404 });
  const id = z.uuid().safeParse((await params).id);
  const html = id.success ? await findMailboxHtml(id.data) : null;
  if (html === null) return new Response("Not Found", { status: 404 });
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
    },
  });
}
