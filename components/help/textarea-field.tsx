import type { TextareaHTMLAttributes } from "react";
import { describedBy, FieldShell, inputClass } from "@/components/ui/field";

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  id?: string;
};

/** A multi-line field with its label, hint and error, like TextField (components/ui/field.tsx). */
export function TextAreaField({ name, label, hint, error, required, id, rows = 5, ...textarea }: TextAreaFieldProps) {
  const fieldId = id ?? `champ-${name}`;
  return (
    <FieldShell id={fieldId} label={label} required={required} hint={hint} error={error}>
      <textarea
        id={fieldId}
        name={name}
        rows={rows}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        className={inputClass}
        {...textarea}
      />
    </FieldShell>
  );
}
