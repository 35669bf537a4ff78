import { exportAccountData } from "@/lib/accounts/queries";
import { currentViewer } from "@/lib/auth/viewer";
import { parisDayKey } from "@/lib/calendar";

export const dynamic = "force-dynamic";

/** SEC-6: the signed-in person's data as a JSON file. */
export async function GET() {
  const viewer = await currentViewer();
  if (!viewer) return Response.json({ error: "Connectez-vous pour télécharger vos données." }, { status: 401 });
  const data = await exportAccountData(viewer);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mes-donnees-${viewer.identifier}-${parisDayKey()}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
