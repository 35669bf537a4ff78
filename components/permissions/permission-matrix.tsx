"use client";

// The permission matrix (ADM-3): a real table of people (rows) × subscribed e-services
// (columns), one labelled checkbox per cell, inside a plain form that works without
// JavaScript. With JavaScript, the number of unsaved changes is announced politely, saving
// permissions that take access away from people asks for confirmation first, and leaving the
// page with unsaved changes warns (closing or reloading the tab, or following a link).
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { ResultMessage, useFocusResult } from "@/components/ui/action-result";
import { ConfirmDialog } from "@/components/ui/confirm-button";
import { FieldError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { permissionMatrixAction, type MatrixState } from "@/lib/permissions/actions";
import { cellKey } from "@/lib/permissions/schemas";

export interface MatrixProps {
  caption: string;
  eServices: { id: string; name: string }[];
  accounts: { id: string; identifier: string; firstName: string; lastName: string; role: string }[];
  granted: string[];
}

function pendingText(count: number): string {
  if (count === 0) return "Aucune modification non enregistrée.";
  return count === 1 ? "1 modification non enregistrée" : `${count} modifications non enregistrées`;
}

export function PermissionMatrix({ caption, eServices, accounts, granted }: MatrixProps) {
  const [state, action] = useActionState<MatrixState, FormData>(permissionMatrixAction, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState<number | null>(null);
  const router = useRouter();
  const revokeDialog = useRef<HTMLDialogElement>(null);
  const leaveDialog = useRef<HTMLDialogElement>(null);
  const [revocations, setRevocations] = useState<{ person: string; service: string }[]>([]);
  const [heldSubmission, setHeldSubmission] = useState<FormData | null>(null);
  const [leavingTo, setLeavingTo] = useState<string | null>(null);
  const held = new Set(granted);

  const recount = useCallback(() => {
    const boxes = formRef.current?.querySelectorAll<HTMLInputElement>('input[name="cell"]') ?? [];
    let changed = 0;
    boxes.forEach((box) => {
      if (box.checked !== box.defaultChecked) changed += 1;
    });
    setPending(changed);
  }, []);

  // After each answer the focus goes to its message (or the select at fault).
  useFocusResult(state, "matrice-message", formRef);

  // Unsaved changes: the browser asks before the tab closes or reloads; a link inside the
  // portal asks through our dialog (Next's client navigation fires no beforeunload).
  const unsaved = (pending ?? 0) > 0;
  useEffect(() => {
    if (!unsaved) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const linkClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target === "_blank" || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.search === window.location.search)) return;
      event.preventDefault();
      event.stopPropagation();
      setLeavingTo(url.pathname + url.search + url.hash);
      leaveDialog.current?.showModal();
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", linkClick, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", linkClick, true);
    };
  }, [unsaved]);

  // Once saved, the page's permissions change: the boxes now match them, nothing is pending.
  const grantedKey = granted.join(",");
  const [seenGranted, setSeenGranted] = useState(grantedKey);
  if (seenGranted !== grantedKey) {
    setSeenGranted(grantedKey);
    setPending(null);
  }

  // With JavaScript, submit without React's automatic form reset, so that an error never
  // throws away the boxes ticked; without it, the form posts to the same action. Saving
  // unticked boxes takes an e-service away from people: that is confirmed first.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    const removed = formData.get("intent") === "bulk" ? [] : revokedCells(event.currentTarget);
    if (removed.length) {
      setRevocations(removed);
      setHeldSubmission(formData);
      revokeDialog.current?.showModal();
      return;
    }
    startTransition(() => action(formData));
  };

  const revokedCells = (form: HTMLFormElement) => {
    const removed: { person: string; service: string }[] = [];
    form.querySelectorAll<HTMLInputElement>('input[name="cell"]').forEach((box) => {
      if (box.defaultChecked && !box.checked) removed.push({ person: box.dataset.person ?? "", service: box.dataset.service ?? "" });
    });
    return removed;
  };

  const bulkError = state.status === "error" ? state.fieldErrors.bulkEServiceId : undefined;
  const name = (account: MatrixProps["accounts"][number]) => `${account.firstName} ${account.lastName}`;

  return (
    <form ref={formRef} action={action} onSubmit={submit} onChange={recount} className="space-y-4">
      <ResultMessage id="matrice-message" state={state} />

      <ConfirmDialog
        dialogRef={revokeDialog}
        title={revocations.length > 1 ? `Retirer ${revocations.length} permissions ?` : "Retirer cette permission ?"}
        consequence={
          <>
            <ul className="list-inside list-disc">
              {revocations.slice(0, 10).map((revocation) => (
                <li key={`${revocation.person}-${revocation.service}`}>
                  {revocation.person} n&apos;aura plus accès à {revocation.service}.
                </li>
              ))}
              {revocations.length > 10 ? <li>et {revocations.length - 10} autres permissions retirées.</li> : null}
            </ul>
            <p>Les autres modifications cochées seront enregistrées en même temps.</p>
          </>
        }
        confirmLabel="Enregistrer et retirer l'accès"
        onConfirm={() => {
          const formData = heldSubmission;
          setHeldSubmission(null);
          if (formData) startTransition(() => action(formData));
        }}
      />
      <ConfirmDialog
        dialogRef={leaveDialog}
        title="Quitter sans enregistrer ?"
        consequence={<p>{pending === 1 ? "Votre modification de la matrice n'est pas enregistrée : elle sera perdue." : `Vos ${pending ?? 0} modifications de la matrice ne sont pas enregistrées : elles seront perdues.`}</p>}
        cancelLabel="Rester sur la page"
        confirmLabel="Quitter sans enregistrer"
        onConfirm={() => {
          if (!leavingTo) return;
          setPending(null);
          router.push(leavingTo);
        }}
      />

      {eServices.map((eService) => (
        <input key={eService.id} type="hidden" name="eService" value={eService.id} />
      ))}

      <div role="region" aria-labelledby="matrice-legende" tabIndex={0} className="overflow-x-auto rounded border border-slate-200">
        <table className="min-w-full border-collapse text-left text-sm">
          <caption id="matrice-legende" className="p-3 text-left font-semibold text-brand-900">
            {caption}
          </caption>
          <thead className="bg-slate-50">
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-3 py-2">
                Sélection
              </th>
              <th scope="col" className="px-3 py-2">
                Personne
              </th>
              {eServices.map((eService) => (
                <th key={eService.id} scope="col" className="px-3 py-2">
                  {eService.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id} className="border-b border-slate-100 hover:bg-brand-50">
                <td className="px-3 py-2">
                  <input type="hidden" name="account" value={account.id} />
                  <input type="checkbox" name="selected" value={account.id} aria-label={`Sélectionner ${name(account)}`} className="h-5 w-5 accent-brand-700" />
                </td>
                <th scope="row" className="px-3 py-2 font-normal">
                  <span className="font-medium">{name(account)}</span>
                  <span className="block font-mono text-xs text-slate-600">
                    {account.identifier}
                    {account.role === "ADMINISTRATOR" ? " · administrateur" : ""}
                  </span>
                </th>
                {eServices.map((eService) => {
                  const key = cellKey(account.id, eService.id);
                  return (
                    <td key={eService.id} className="px-3 py-2 text-center">
                      <input
                        type="checkbox"
                        name="cell"
                        value={key}
                        defaultChecked={held.has(key)}
                        data-person={name(account)}
                        data-service={eService.name}
                        aria-label={`Autoriser ${name(account)} à utiliser ${eService.name}`}
                        className="h-5 w-5 accent-brand-700"
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton name="intent" value="save" pendingLabel="Enregistrement…">
          Enregistrer les modifications
        </SubmitButton>
        <p role="status" aria-live="polite" className="text-slate-700">
          {pending === null ? "" : pendingText(pending)}
        </p>
      </div>

      <fieldset className="space-y-3 rounded border border-slate-200 p-4">
        <legend className="px-1 font-semibold text-brand-900">Attribuer un e-service à plusieurs personnes</legend>
        <p id="attribution-aide" className="text-sm text-slate-600">
          Cochez les personnes dans la colonne « Sélection », choisissez l&apos;e-service puis attribuez-le. Les cases du tableau modifiées sans être enregistrées ne sont pas prises en compte : enregistrez-les d&apos;abord.
        </p>
        <div className="space-y-1">
          <label htmlFor="champ-bulkEServiceId" className="font-medium">
            E-service à attribuer
          </label>
          <select
            id="champ-bulkEServiceId"
            name="bulkEServiceId"
            defaultValue=""
            aria-invalid={bulkError ? true : undefined}
            aria-describedby={bulkError ? "attribution-aide champ-bulkEServiceId-error" : "attribution-aide"}
            className={`${inputClass} max-w-md`}
          >
            <option value="">Choisissez un e-service</option>
            {eServices.map((eService) => (
              <option key={eService.id} value={eService.id}>
                {eService.name}
              </option>
            ))}
          </select>
          <FieldError id="champ-bulkEServiceId" error={bulkError} />
        </div>
        <SubmitButton name="intent" value="bulk" variant="secondary" pendingLabel="Attribution…">
          Attribuer à la sélection
        </SubmitButton>
      </fieldset>
    </form>
  );
}
