// Accessible form fields: a visible label (with * for mandatory fields, placed just outside
// the <label> and hidden from assistive technologies, so that the label is exactly "Nom" or
// "Prénom"), an optional hint, and the field's own error message, tied to the control with
// aria-describedby and aria-invalid.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

interface ShellProps {
  id: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function RequiredMark() {
  return (
    <span aria-hidden="true" className="ml-0.5 text-red-700">
      *
    </span>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
      <span className="sr-only">Erreur : </span>
      {error}
    </p>
  );
}

/** The label of a control, followed by the mandatory mark when needed. */
export function FieldLabel({ id, label, required }: { id: string; label: ReactNode; required?: boolean }) {
  return (
    <div className="font-medium text-slate-900">
      <label htmlFor={id}>{label}</label>
      {required ? <RequiredMark /> : null}
    </div>
  );
}

export function FieldShell({ id, label, required, hint, error, children }: ShellProps) {
  return (
    <div className="space-y-1">
      <FieldLabel id={id} label={label} required={required} />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

export const inputClass =
  "block w-full rounded border border-slate-500 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  id?: string;
};

export function TextField({ name, label, hint, error, required, id, className, ...input }: TextFieldProps) {
  const fieldId = id ?? `champ-${name}`;
  return (
    <FieldShell id={fieldId} label={label} required={required} hint={hint} error={error}>
      <input
        id={fieldId}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        className={`${inputClass} ${className ?? ""}`}
        {...input}
      />
    </FieldShell>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  name: string;
  label: ReactNode;
  options: { value: string; label: string }[];
  placeholder?: string;
  hint?: ReactNode;
  error?: string;
};

export function SelectField({ name, label, options, placeholder, hint, error, required, ...select }: SelectFieldProps) {
  const fieldId = `champ-${name}`;
  return (
    <FieldShell id={fieldId} label={label} required={required} hint={hint} error={error}>
      <select
        // React 19 resets a form after its action; a select returns to the option that was its
        // default when mounted, so a new default (the submitted value) remounts it.
        key={String(select.defaultValue ?? "")}
        id={fieldId}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        className={inputClass}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function RadioGroupField({
  name,
  legend,
  options,
  defaultValue,
  required,
  error,
  hint,
}: {
  name: string;
  legend: ReactNode;
  options: { value: string; label: ReactNode }[];
  defaultValue?: string;
  required?: boolean;
  error?: string;
  hint?: ReactNode;
}) {
  const groupId = `champ-${name}`;
  return (
    <fieldset
      id={groupId}
      role="radiogroup"
      className="space-y-2"
      aria-required={required || undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(groupId, hint, error)}
    >
      <legend className="font-medium text-slate-900">
        {legend}
        {required ? <RequiredMark /> : null}
      </legend>
      {hint ? (
        <p id={`${groupId}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {options.map((option, index) => (
          <label key={option.value} className="flex items-center gap-2">
            <input
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={defaultValue === option.value}
              required={required && index === 0}
              className="h-4 w-4 accent-brand-700"
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={groupId} error={error} />
    </fieldset>
  );
}

export function CheckboxField({
  name,
  label,
  defaultChecked,
  required,
  error,
  hint,
}: {
  name: string;
  label: ReactNode;
  defaultChecked?: boolean;
  required?: boolean;
  error?: string;
  hint?: ReactNode;
}) {
  const fieldId = `champ-${name}`;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2">
        <input
          id={fieldId}
          type="checkbox"
          name={name}
          value="on"
          defaultChecked={defaultChecked}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(fieldId, hint, error)}
          className="mt-1 h-4 w-4 accent-brand-700"
        />
        <div className="text-slate-900">
          <label htmlFor={fieldId}>{label}</label>
          {required ? <RequiredMark /> : null}
        </div>
      </div>
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={fieldId} error={error} />
    </div>
  );
}

export function RequiredFieldsNote() {
  return (
    <p className="text-sm text-slate-700">
      Les champs marqués d&apos;un <span aria-hidden="true">*</span>
      <span className="sr-only">astérisque</span> sont obligatoires.
    </p>
  );
}
