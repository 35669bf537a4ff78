// French names of import states and row outcomes (BULK-1), shared by pages and listings.
export const IMPORT_STATUS_LABELS: Record<string, string> = {
  PREVIEWED: "Aperçu, en attente de confirmation",
  QUEUED: "Confirmé, en attente de traitement",
  RUNNING: "En cours",
  COMPLETED: "Terminé",
  FAILED: "Interrompu",
  CANCELLED: "Abandonné",
};

export const OUTCOME_LABELS: Record<string, string> = {
  CREATED: "créé",
  UPDATED: "mis à jour",
  UNCHANGED: "inchangé",
  REFUSED: "refusé",
};

export const OUTCOME_FILTERS = [
  { value: "", label: "Toutes les lignes" },
  { value: "CREATED", label: "Créés" },
  { value: "UPDATED", label: "Mis à jour" },
  { value: "UNCHANGED", label: "Inchangés" },
  { value: "REFUSED", label: "Refusés" },
] as const;
