import { currentViewer } from "@/lib/auth/viewer";
import { exportDashboardsPdf } from "@/lib/dashboards/export";

export const dynamic = "force-dynamic";

/** DASH-4: the PDF of the viewer's dashboards for `?periode=`. */
export async function GET(request: Request) {
  const viewer = await currentViewer();
  const url = new URL(request.url);
  if (!viewer) {
    const back = `/tableaux-de-bord?${url.searchParams.toString()}`;
    return new Response(null, { status: 303, headers: { Location: `/connexion?callbackUrl=${encodeURIComponent(back)}` } });
  }
  const result = await exportDashboardsPdf(viewer, url.searchParams.get("periode"));
  if (!result.ok) {
    return new Response("Votre compte n'est rattaché à aucune organisation : il n'a pas de tableau de bord à exporter.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(new Uint8Array(result.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${result.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
