"use client";

import { useActionState } from "react";
import { FormResult } from "@/components/ui/action-result";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type FormState } from "@/lib/forms";
import { markPostedAction } from "@/lib/letters/actions";
import { TableRegion } from "@/components/ui/table-region";

export interface QueuedLetterRow {
  id: string;
  number: string;
  organisationName: string;
  requesterName: string;
  createdAt: string;
  addressLines: string[];
  addressComplete: boolean;
  /** What the address lacks (lib/letters/history-status.ts), empty when complete. */
  addressProblems: string[];
  organisationId: string;
  /** "d'Annecy", "du Havre" (lib/french/names.ts). */
  ofOrganisation: string;
}

export function MarkPostedForm({ letters, today }: { letters: QueuedLetterRow[]; today: string }) {
  const [state, action] = useActionState<FormState<object>, FormData>(markPostedAction, IDLE);
  return (
    <form action={action} className="space-y-4">
      <FormResult id="courrier-message" state={state} />
      {letters.length === 0 ? <p>Aucun courrier en attente.</p> : null}
      <div hidden={letters.length === 0} className="space-y-4">
      <TableRegion label="Courriers en attente d'impression">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Courriers en attente d&apos;impression</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-3">
              <span className="sr-only">Sélection</span>
            </th>
            <th scope="col" className="py-2 pr-3">Demande</th>
            <th scope="col" className="py-2 pr-3">Organisation et demandeur</th>
            <th scope="col" className="py-2 pr-3">Adresse</th>
            <th scope="col" className="py-2">PDF</th>
          </tr>
        </thead>
        <tbody>
          {letters.map((letter) => (
            <tr key={letter.id} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-3">
                <input
                  type="checkbox"
                  name="letterIds"
                  value={letter.id}
                  defaultChecked={letter.addressComplete}
                  aria-label={`Courrier ${letter.number} pour ${letter.organisationName}`}
                  className="h-4 w-4 accent-brand-700"
                />
              </td>
              <td className="py-2 pr-3 font-mono">
                {letter.number}
                <span className="block font-sans text-slate-600">{letter.createdAt}</span>
              </td>
              <td className="py-2 pr-3">
                {letter.organisationName}
                <span className="block text-slate-600">{letter.requesterName}</span>
              </td>
              <td className="py-2 pr-3">
                {letter.addressLines.map((line) => (
                  <span key={line} className="block">
                    {line}
                  </span>
                ))}
                {letter.addressComplete ? null : (
                  <span className="mt-1 block text-red-800">
                    <strong>Adresse incomplète</strong> ({letter.addressProblems.join(", ")}) : non sélectionné.{" "}
                    <a href={`/operateur/organisations/${letter.organisationId}`}>
                      Compléter l&apos;adresse<span className="sr-only"> {letter.ofOrganisation}</span>
                    </a>{" "}
                    : le courrier sera refait à la nouvelle adresse.
                  </span>
                )}
              </td>
              <td className="py-2">
                <a href={`/operateur/courrier/${letter.id}`}>
                  Télécharger<span className="sr-only"> le courrier {letter.number}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableRegion>
      <div className="flex flex-wrap items-end gap-4">
        <div className="space-y-1">
          <label htmlFor="date-depot" className="block font-medium">
            Date de dépôt à La Poste
          </label>
          <input id="date-depot" type="date" name="postedOn" defaultValue={today} max={today} required className="rounded border border-slate-500 px-3 py-2" />
        </div>
        <SubmitButton>Marquer comme posté</SubmitButton>
      </div>
      </div>
    </form>
  );
}
