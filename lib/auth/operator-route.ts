// Route handlers answer JSON errors instead of pages: the same operator check as requireOperator.
import "server-only";
import { currentViewer, type Viewer } from "./viewer";

export async function operatorOrError(): Promise<{ viewer: Viewer } | { error: Response }> {
  const viewer = await currentViewer();
  if (!viewer) return { error: Response.json({ error: "Connectez-vous." }, { status: 401 }) };
  if (viewer.role !== "OPERATOR") return { error: Response.json({ error: "Accès réservé aux opérateurs du portail." }, { status: 403 }) };
  return { viewer };
}
