"use server";

// Server action of the permission matrix (ADM-3). One form, two buttons: "save" applies the
// page's ticked boxes, "bulk" grants one e-service to the selected rows; each is declared
// through the action pipeline, and the form's one entry point picks by the button pressed.
import { db } from "../db";
import { defineAction } from "../actions/define-action";
import type { FormState } from "../forms";
import { grantToSelection, savePermissionMatrix, type PermissionChanges } from "./manage-permissions";
import { bulkGrantSchema, matrixFormInput, saveMatrixSchema } from "./schemas";

const RETURN_TO = "/administration/permissions";

export type MatrixState = FormState<PermissionChanges>;

function plural(count: number, one: string, many: string) {
  return `${count} ${count > 1 ? many : one}`;
}

function summary(changes: PermissionChanges, bulk: boolean): MatrixState {
  const parts = [];
  if (changes.granted) parts.push(plural(changes.granted, "permission accordée", "permissions accordées"));
  if (changes.revoked) parts.push(plural(changes.revoked, "permission retirée", "permissions retirées"));
  const message = parts.length
    ? `Enregistré : ${parts.join(", ")}.`
    : bulk
      ? "Les personnes sélectionnées avaient déjà cette permission : rien n'a changé."
      : "Aucune modification à enregistrer.";
  return { status: "success", message, result: changes };
}

// The rows, columns and cells are hidden inputs: a problem with them is said above the form.
const HIDDEN = { accounts: true, eServices: true, cells: true, selected: true } as const;

const saveMatrix = defineAction({
  guard: "organisationManager",
  returnTo: RETURN_TO,
  schema: saveMatrixSchema,
  input: matrixFormInput,
  hiddenFields: HIDDEN,
  run: (input, { actor, context }) => savePermissionMatrix(db, actor, input, context),
  revalidate: [RETURN_TO],
  answer: (changes): MatrixState => summary(changes, false),
});

const grantToSelected = defineAction({
  guard: "organisationManager",
  returnTo: RETURN_TO,
  schema: bulkGrantSchema,
  input: matrixFormInput,
  hiddenFields: HIDDEN,
  run: (input, { actor, context }) => grantToSelection(db, actor, input, context),
  revalidate: [RETURN_TO],
  answer: (changes): MatrixState => summary(changes, true),
});

export async function permissionMatrixAction(previous: MatrixState, formData: FormData): Promise<MatrixState> {
  return formData.get("intent") === "bulk" ? grantToSelected(previous, formData) : saveMatrix(previous, formData);
}
