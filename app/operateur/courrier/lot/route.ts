import { operatorOrError } from "@/lib/auth/operator-route";
import { parisDayKey } from "@/lib/calendar";
import { queuedLettersPdf } from "@/lib/letters/queries";
import { clientAddress } from "@/lib/request-context";

/** The batch to print: every letter waiting, in one PDF (LR-6); each letter's download audited. */
export async function GET() {
  const access = await operatorOrError();
  if ("error" in access) return access.error;
  const batch = await queuedLettersPdf(access.viewer, { ipAddress: await clientAddress() });
  if (!batch) return Response.json({ error: "Aucun courrier en attente." }, { status: 404 });
  return new Response(new Uint8Array(batch.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="courriers-${parisDayKey()}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
