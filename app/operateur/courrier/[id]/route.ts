import { z } from "zod";
import { operatorOrError } from "@/lib/auth/operator-route";
import { letterPdfForOperator } from "@/lib/letters/queries";
import { clientAddress } from "@/lib/request-context";

/** One letter: waiting to be printed, or re-printed while its request is pending (LR-6); audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const access = await operatorOrError();
  if ("error" in access) return access.error;
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return Response.json({ error: "Courrier inconnu." }, { status: 404 });
  const letter = await letterPdfForOperator(access.viewer, id.data, { ipAddress: await clientAddress() });
  if (!letter) return Response.json({ error: "Courrier inconnu, ou PDF supprimé : la demande n'attend plus de confirmation." }, { status: 404 });
  return new Response(new Uint8Array(letter.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="courrier-${letter.number}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
