"use client";

// The one confirmation of the portal (issue 16 item 6), for actions that end something for
// other people (an organisation's subscription, a colleague's account, a permission, an API
// key) and for leaving unsaved work: a native modal <dialog> naming the consequence.
// - showModal() makes the rest of the page inert: the focus stays in the dialog, Escape
//   cancels, and the browser gives the focus back to what opened it when it closes.
// - The safe choice ("Annuler") has the focus when it opens; the confirming button says the
//   action itself, never a bare "OK".
// - ConfirmButton puts the dialog inside the button's form: its confirming button is a submit
//   button of that form, so confirming submits exactly what the person saw, with the usual
//   pending state. Without JavaScript the button submits directly: the action's own checks
//   still apply.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { buttonClass, secondaryButtonClass, SubmitButton } from "./submit-button";

export function ConfirmDialog({
  dialogRef,
  title,
  consequence,
  confirmLabel,
  cancelLabel = "Annuler",
  onConfirm,
  submit,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** A question naming the action and its object. */
  title: string;
  /** What will happen, for whom: "Les 12 personnes qui utilisent X n'y auront plus accès." */
  consequence: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Called when confirmed (the dialog is closed first)… */
  onConfirm?: () => void;
  /** …or the confirming button submits the enclosing form (with this name and value). */
  submit?: { name?: string; value?: string; pendingLabel?: string };
}) {
  const titleId = useId();
  const textId = useId();
  const opener = useRef<HTMLElement | null>(null);
  const close = () => dialogRef.current?.close();
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={textId}
      // The element the focus came from when the dialog opened: it gets the focus back on
      // close (browsers do it too, not all of them yet).
      onFocus={(event) => {
        const from = event.relatedTarget as HTMLElement | null;
        if (from && !event.currentTarget.contains(from)) opener.current = from;
      }}
      onClose={() => {
        const back = opener.current;
        opener.current = null;
        if (back?.isConnected && (document.activeElement === document.body || dialogRef.current?.contains(document.activeElement))) back.focus();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="space-y-4 p-6">
        <h2 id={titleId} className="text-xl font-semibold text-brand-900">
          {title}
        </h2>
        <div id={textId} className="space-y-2">
          {consequence}
        </div>
        <div className="flex flex-wrap justify-end gap-3">
          <button type="button" autoFocus data-safe-choice onClick={close} className={secondaryButtonClass}>
            {cancelLabel}
          </button>
          {submit ? (
            // Closed once the form is on its way (after the click's default action).
            <span className="contents" onClickCapture={() => setTimeout(close, 0)}>
              <SubmitButton name={submit.name} value={submit.value} pendingLabel={submit.pendingLabel}>
                {confirmLabel}
              </SubmitButton>
            </span>
          ) : (
            <button
              type="button"
              className={buttonClass}
              onClick={() => {
                close();
                onConfirm?.();
              }}
            >
              {confirmLabel}
            </button>
          )}
        </div>
      </div>
    </dialog>
  );
}

/**
 * A submit button that asks first. The dialog is rendered when it is first opened, not with
 * the button: a list with a confirmation per row (the accounts list, 50 rows) would otherwise
 * render, send and hydrate every row's dialog and its text although at most one is opened
 * (issue 17 item 2). Once opened it stays mounted, so that closing it (Escape, "Annuler", or
 * the submission) never removes the button that is submitting the form.
 */
export function ConfirmButton({
  children,
  title,
  consequence,
  confirmLabel,
  pendingLabel,
  variant = "secondary",
  name,
  value,
}: {
  /** The button's visible text (and accessible name). */
  children: ReactNode;
  title: string;
  /** What will happen; a function is called only when the dialog opens. */
  consequence: ReactNode | (() => ReactNode);
  confirmLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary";
  name?: string;
  value?: string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [opened, setOpened] = useState(false);
  // Opens the dialog once it is in the page. Its safe choice takes the focus: React sets the
  // focus of `autoFocus` elements itself when it creates them on the client (the attribute
  // the browser's dialog would look for is not written), and the dialog was still closed then.
  const open = useCallback(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-safe-choice]")?.focus();
  }, []);
  useEffect(() => {
    if (opened) open();
  }, [opened, open]);
  return (
    <>
      <button
        type="submit"
        name={name}
        value={value}
        aria-haspopup="dialog"
        className={variant === "primary" ? buttonClass : secondaryButtonClass}
        onClick={(event) => {
          // With JavaScript, ask first; the submission happens from the dialog.
          event.preventDefault();
          if (opened) open();
          else setOpened(true);
        }}
      >
        {children}
      </button>
      {opened ? (
        <ConfirmDialog
          dialogRef={dialogRef}
          title={title}
          consequence={typeof consequence === "function" ? consequence() : consequence}
          confirmLabel={confirmLabel}
          submit={{ name, value, pendingLabel }}
        />
      ) : null}
    </>
  );
}
