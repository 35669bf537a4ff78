"use client";

// The organisation field of registration (ORG-2): an ARIA 1.2 combobox over the directory
// search. Type a name, postal code, INSEE code or SIREN; arrows move through the results,
// Enter chooses, Escape closes. The chosen organisation's id travels in a hidden field.
import { useEffect, useId, useRef, useState } from "react";
import { describedBy, FieldError, FieldLabel, inputClass } from "@/components/ui/field";

export interface OrganisationOption {
  id: string;
  name: string;
  kind: string;
  code: string;
  postalCodes: string[];
  siren: string | null;
  /** "Haute-Savoie (74)". */
  department: string | null;
  /** The former name the search matched (a commune déléguée): "Annecy — dont Annecy-le-Vieux". */
  formerName: string | null;
  /** False when no account holds the administrator role (issue 16 item 4). */
  hasAdministrator?: boolean;
}

const KIND_LABELS: Record<string, string> = {
  COMMUNE: "Commune",
  EPCI: "Intercommunalité",
  ASSOCIATION: "Association",
  PUBLIC_BODY: "Organisme public",
  COMPANY: "Entreprise",
  OTHER: "Autre organisation",
};

/** The option's title: its name, and the former name the search found it by. */
export function organisationTitle(option: OrganisationOption): string {
  return option.formerName ? `${option.name} — dont ${option.formerName}` : option.name;
}

/** What tells two namesakes apart (issue 16 item 8): kind, département, postal codes, SIREN. */
export function describeOrganisation(option: OrganisationOption): string {
  const postal = option.postalCodes.slice(0, 3).join(", ") + (option.postalCodes.length > 3 ? "…" : "");
  return [
    KIND_LABELS[option.kind] ?? option.kind,
    option.department,
    postal || null,
    option.siren ? `SIREN ${option.siren}` : `code ${option.code}`,
  ]
    .filter(Boolean)
    .join(" · ");
}

export function OrganisationCombobox({
  name = "organisationId",
  label = "Organisation",
  required,
  error,
  defaultValue,
  onChoose,
}: {
  /** Told of each choice, and of its undoing (null) when the text changes. */
  onChoose?: (option: OrganisationOption | null) => void;
  name?: string;
  label?: string;
  required?: boolean;
  error?: string;
  defaultValue?: { id: string; label: string };
}) {
  const id = "champ-organisation";
  const listboxId = useId();
  const hint = "Tapez le nom, le code postal, le code INSEE ou le numéro SIREN, puis choisissez dans la liste.";
  const [text, setText] = useState(defaultValue?.label ?? "");
  const [selected, setSelected] = useState<{ id: string; label: string } | null>(defaultValue?.id ? defaultValue : null);
  const [options, setOptions] = useState<OrganisationOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const request = useRef<AbortController | null>(null);

  useEffect(() => {
    if (selected && selected.label === text) return;
    const query = text.trim();
    if (query.length < 2) return;
    const timer = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      try {
        const response = await fetch(`/api/organisations?q=${encodeURIComponent(query)}&limit=12`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const { results } = (await response.json()) as { results: OrganisationOption[] };
        setOptions(results);
        setActive(-1);
        setOpen(true);
        setStatus(
          results.length === 0
            ? "Aucune organisation trouvée."
            : `${results.length} organisation${results.length > 1 ? "s" : ""} trouvée${results.length > 1 ? "s" : ""} : utilisez les flèches pour choisir.`,
        );
      } catch (cause) {
        if ((cause as Error).name !== "AbortError") setStatus("La recherche n'a pas abouti. Réessayez.");
      }
    }, 200);
    return () => clearTimeout(timer);
  }, [text, selected]);

  function choose(option: OrganisationOption) {
    const chosen = { id: option.id, label: option.name };
    setSelected(chosen);
    setText(option.name);
    setOpen(false);
    setActive(-1);
    setStatus(`${option.name} choisie.`);
    onChoose?.(option);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index <= 0 ? options.length - 1 : index - 1));
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
      setActive(-1);
    }
  }

  const optionId = (index: number) => `${listboxId}-option-${index}`;

  return (
    <div className="space-y-1">
      <FieldLabel id={id} label={label} required={required} />
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      <div className="relative">
        <input
          id={id}
          type="text"
          role="combobox"
          name="organisationLabel"
          autoComplete="off"
          spellCheck={false}
          required={required}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (event.target.value.trim().length < 2) {
              setOptions([]);
              setOpen(false);
              setStatus("");
            }
            if (selected && event.target.value !== selected.label) {
              setSelected(null);
              onChoose?.(null);
            }
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => options.length && !selected && setOpen(true)}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className={inputClass}
        />
        <ul
          id={listboxId}
          role="listbox"
          aria-label="Organisations trouvées"
          hidden={!open || options.length === 0}
          className="absolute z-20 mt-1 max-h-80 w-full overflow-auto rounded border border-slate-400 bg-white shadow-lg"
        >
          {options.map((option, index) => (
            <li
              key={option.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
              className={`cursor-pointer px-3 py-2 ${index === active ? "bg-brand-700 text-white" : "hover:bg-brand-50"}`}
            >
              <span className="block font-medium">{organisationTitle(option)}</span>
              <span className={`block text-sm ${index === active ? "text-brand-50" : "text-slate-600"}`}>
                {describeOrganisation(option)}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <input type="hidden" name={name} value={selected?.id ?? ""} />
      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
      {selected ? (
        <p className="text-sm text-green-800">
          Organisation choisie : <strong>{selected.label}</strong>
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}
