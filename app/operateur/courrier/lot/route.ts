import { operatorOrError } from "@/lib/auth/operator-route";
import { parisDayKey } from "@/lib/calendar";
import { db } from "@/lib/db";
import { downloadQueuedBatch } from "@/lib/letters/queue";
import { actorOfAccount } from "@/lib/operation";
import { clientAddress } from "@/lib/request-context";

/** The batch to print: every letter waiting, in one PDF (LR-6); each letter's download audited. */
export async function GET() {
  const access = await operatorOrError();
  if ("error" in access) return access.error;
  const { viewer } = access;
  const batch = await downloadQueuedBatch(db, actorOfAccount({ id: viewer.accountId, identifier: viewer.identifier, role: viewer.role, organisationId: viewer.organisationId }), {
    ipAddress: await clientAddress(),
  });
  if (!batch) return Response.json({ error: "Aucun courrier en attente." }, { status: 404 });
  return new Response(new Uint8Array(batch.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="courriers-${parisDayKey()}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
