"use server";

// Server action of the permission matrix (ADM-3). It checks the administrator first (SEC-1),
// takes the organisation from the session, parses the form with zod and answers in French.
// One form, two buttons: "save" applies the page's ticked boxes, "bulk" grants one e-service
// to the selected rows.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdministrator, type AdministratorViewer } from "../auth/guards";
import { db } from "../db";
import { errorState, type FormState } from "../forms";
import { clientAddress } from "../request-context";
import { PermissionError } from "./errors";
import { grantToSelection, savePermissionMatrix, type PermissionChanges } from "./manage-permissions";
import { bulkGrantSchema, matrixFormInput, saveMatrixSchema } from "./schemas";

const RETURN_TO = "/administration/permissions";

export type MatrixState = FormState<PermissionChanges>;

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Le formulaire des permissions n'est pas valide.";
}

function plural(count: number, one: string, many: string) {
  return `${count} ${count > 1 ? many : one}`;
}

function summary(changes: PermissionChanges, bulk: boolean): string {
  if (!changes.granted && !changes.revoked) {
    return bulk ? "Les personnes sélectionnées avaient déjà cette permission : rien n'a changé." : "Aucune modification à enregistrer.";
  }
  const parts = [];
  if (changes.granted) parts.push(plural(changes.granted, "permission accordée", "permissions accordées"));
  if (changes.revoked) parts.push(plural(changes.revoked, "permission retirée", "permissions retirées"));
  return `Enregistré : ${parts.join(", ")}.`;
}

async function run(viewer: AdministratorViewer, formData: FormData): Promise<MatrixState> {
  const raw = matrixFormInput(formData);
  const bulk = formData.get("intent") === "bulk";
  const schema = bulk ? bulkGrantSchema : saveMatrixSchema;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return bulk && parsed.error.issues.some((issue) => issue.path[0] === "bulkEServiceId")
      ? errorState(firstMessage(parsed.error), {}, { bulkEServiceId: parsed.error.issues.find((i) => i.path[0] === "bulkEServiceId")!.message })
      : errorState(firstMessage(parsed.error));
  }
  try {
    const context = { ipAddress: await clientAddress() };
    const changes = bulk
      ? await grantToSelection(db, viewer, parsed.data as z.output<typeof bulkGrantSchema>, context)
      : await savePermissionMatrix(db, viewer, parsed.data as z.output<typeof saveMatrixSchema>, context);
    revalidatePath(RETURN_TO);
    return { status: "success", message: summary(changes, bulk), result: changes };
  } catch (error) {
    if (error instanceof PermissionError) return errorState(error.message);
    throw error;
  }
}

export async function permissionMatrixAction(_previous: MatrixState, formData: FormData): Promise<MatrixState> {
  const viewer = await requireAdministrator(RETURN_TO);
  return run(viewer, formData);
}
