// The zod schemas of the permission matrix (ADM-3), shared by the form and its action.
//
// The form posts, for the page shown: `account` (one hidden input per row), `eService` (one
// per column), `cell` ("<accountId>:<eServiceId>", one per ticked box), and for the bulk
// action `selected` (ticked rows) and `bulkEServiceId`. The grant/revoke diff is computed on
// the server from these and the database.
import { z } from "zod";
import { isAllowedText } from "../security/input-text";

export const PAGE_SIZE = 50;
/** Rows × columns a page may carry: 50 people × a generous catalogue. */
const MAX_CELLS = PAGE_SIZE * 200;

const FORGED = "Le formulaire des permissions est incomplet ou a été modifié : rechargez la page et recommencez.";

const uuid = z.uuid({ error: FORGED });
const ids = (max: number) => z.array(uuid, { error: FORGED }).max(max, FORGED);

export const cellKey = (accountId: string, eServiceId: string) => `${accountId}:${eServiceId}`;

const cell = z
  .string({ error: FORGED })
  .max(73, FORGED)
  .transform((value, context) => {
    const [accountId, eServiceId, ...rest] = value.split(":");
    const ok = rest.length === 0 && uuid.safeParse(accountId).success && uuid.safeParse(eServiceId).success;
    if (!ok) {
      context.addIssue({ code: "custom", message: FORGED });
      return z.NEVER;
    }
    return { accountId: accountId.toLowerCase(), eServiceId: eServiceId.toLowerCase() };
  });

export const saveMatrixSchema = z
  .object({
    accounts: ids(PAGE_SIZE).min(1, "Aucune personne n'est affichée : il n'y a rien à enregistrer."),
    eServices: ids(200).min(1, "Aucun e-service n'est affiché : il n'y a rien à enregistrer."),
    cells: z.array(cell, { error: FORGED }).max(MAX_CELLS, FORGED),
  })
  .refine(
    (input) => {
      const rows = new Set(input.accounts.map((id) => id.toLowerCase()));
      const columns = new Set(input.eServices.map((id) => id.toLowerCase()));
      return input.cells.every((c) => rows.has(c.accountId) && columns.has(c.eServiceId));
    },
    { message: FORGED, path: ["cells"] },
  );

export type SaveMatrixInput = z.output<typeof saveMatrixSchema>;

export const bulkGrantSchema = z.object({
  selected: z
    .array(uuid, { error: FORGED })
    .max(PAGE_SIZE, FORGED)
    .min(1, "Cochez au moins une personne dans la colonne « Sélection » avant d'attribuer un e-service."),
  bulkEServiceId: z.uuid({ error: "Choisissez l'e-service à attribuer aux personnes sélectionnées." }),
});

export type BulkGrantInput = z.output<typeof bulkGrantSchema>;

/** Reads the repeated fields of the matrix form into the shape the schemas expect. */
export function matrixFormInput(formData: FormData) {
  const all = (name: string) => formData.getAll(name);
  return {
    accounts: all("account"),
    eServices: all("eService"),
    cells: all("cell"),
    selected: all("selected"),
    bulkEServiceId: formData.get("bulkEServiceId") ?? undefined,
  };
}

export const matrixSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    // SEC-9: a search holding a refused character is no search (NUL would fail the query).
    .refine((value) => isAllowedText(value))
    .catch("")
    .default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
