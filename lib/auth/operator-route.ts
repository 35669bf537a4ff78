// Route handlers answer JSON errors instead of pages: the same operator check as requireOperator.
import "server-only";
import type { OperatorViewer } from "./guards";
import { currentViewer } from "./viewer";

export async function operatorOrError(): Promise<{ viewer: OperatorViewer } | { error: Response }> {
  const viewer = await currentViewer();
  if (!viewer) return { error: Response.json({ error: "Connectez-vous." }, { status: 401 }) };
  if (viewer.role !== "OPERATOR") return { error: Response.json({ error: "Accès réservé aux opérateurs du portail." }, { status: 403 }) };
  return { viewer: { ...viewer, role: "OPERATOR" } };
}
