import { JOB_TITLES } from "@/lib/accounts/job-titles";

export const JOB_TITLE_LIST_ID = "fonctions-proposees";

/** The closed list of titles that letters may print (LR-2), offered as the field's suggestions. */
export function JobTitleSuggestions() {
  return (
    <datalist id={JOB_TITLE_LIST_ID}>
      {JOB_TITLES.map((title) => (
        <option key={title.label} value={title.label} />
      ))}
    </datalist>
  );
}

export const JOB_TITLE_HINT = "Facultatif. Choisissez de préférence une fonction proposée : seules celles-ci figurent sur le courrier au représentant légal.";
