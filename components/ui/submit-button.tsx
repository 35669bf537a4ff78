"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

export const buttonClass =
  "inline-flex items-center justify-center rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70";
export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded border border-brand-700 bg-white px-5 py-2.5 font-semibold text-brand-700 hover:bg-brand-50 disabled:cursor-wait disabled:opacity-70";

/** A submit button that says the form is being sent and cannot be clicked twice. */
export function SubmitButton({
  children,
  pendingLabel = "Envoi en cours…",
  variant = "primary",
  name,
  value,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary";
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={variant === "primary" ? buttonClass : secondaryButtonClass}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
