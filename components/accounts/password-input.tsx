"use client";

import { useState, type InputHTMLAttributes, type ReactNode } from "react";
import { describedBy, FieldError, FieldLabel, inputClass } from "@/components/ui/field";

/** A password field with a button that shows what was typed (fewer typing mistakes). */
export function PasswordInput({
  name,
  label,
  required,
  error,
  hint,
  extraDescribedBy,
  children,
  id: givenId,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> & {
  id?: string;
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  extraDescribedBy?: string;
  children?: ReactNode;
}) {
  const id = givenId ?? `champ-${name}`;
  const [visible, setVisible] = useState(false);
  const described = [describedBy(id, hint, error), extraDescribedBy].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <FieldLabel id={id} label={label} required={required} />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="flex gap-2">
        <input
          id={id}
          name={name}
          type={visible ? "text" : "password"}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          autoCapitalize="none"
          spellCheck={false}
          className={inputClass}
          {...input}
        />
        <button
          type="button"
          onClick={() => setVisible((value) => !value)}
          aria-pressed={visible}
          aria-controls={id}
          className="shrink-0 rounded border border-slate-500 px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          {visible ? "Masquer" : "Afficher"}
          <span className="sr-only"> le mot de passe « {label} »</span>
        </button>
      </div>
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}
