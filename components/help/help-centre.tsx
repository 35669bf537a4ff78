"use client";

// The questions and answers of /aide (HELP-1), grouped by theme, with a search that filters
// them as you type (accent-insensitive, every word must match), without reloading the page.
import { useDeferredValue, useId, useMemo, useState } from "react";
import { inputClass } from "@/components/ui/field";
import type { HelpEntry, HelpTheme } from "@/lib/help/content";
import { searchHelp } from "@/lib/help/search";
import type { TicketCategorySlug } from "@/lib/support/categories";
import { HelpAnswer } from "./help-answer";

function Entry({ entry, headingLevel }: { entry: HelpEntry; headingLevel: "h3" | "h2" }) {
  const Heading = headingLevel;
  return (
    <article id={entry.id} aria-labelledby={`${entry.id}-titre`} className="scroll-mt-4 rounded-lg border border-slate-200 p-5">
      <Heading id={`${entry.id}-titre`} className="mb-3 text-lg font-semibold text-brand-900">
        {entry.question}
      </Heading>
      <HelpAnswer blocks={entry.answer} />
      {entry.category ? <StillStuck category={entry.category} /> : null}
    </article>
  );
}

function StillStuck({ category }: { category: TicketCategorySlug }) {
  return (
    <p className="mt-3 text-sm">
      <a href={`?categorie=${category}#assistance`}>Toujours bloqué ? Faire une demande d&apos;assistance</a>
    </p>
  );
}

export function HelpCentre({ themes }: { themes: HelpTheme[] }) {
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const searchId = useId();
  const entries = useMemo(() => themes.flatMap((theme) => theme.entries), [themes]);
  const results = useMemo(() => {
    if (!deferred.trim()) return null;
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    return searchHelp(entries, deferred).map((id) => byId.get(id)!);
  }, [deferred, entries]);

  return (
    <div className="space-y-8">
      <div role="search" className="space-y-2" aria-label="Rechercher dans l'aide">
        <label htmlFor={searchId} className="block font-medium text-slate-900">
          Rechercher dans l&apos;aide
        </label>
        <p id={`${searchId}-hint`} className="text-sm text-slate-600">
          Tapez quelques mots, par exemple « compte désactivé » ou « courrier non reçu » : les réponses se filtrent au fur et à mesure.
        </p>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby={`${searchId}-hint ${searchId}-status`}
          autoComplete="off"
          className={inputClass}
        />
        <p id={`${searchId}-status`} role="status" aria-live="polite" className="text-sm text-slate-700">
          {results === null
            ? ""
            : results.length === 0
              ? "Aucune réponse ne contient tous ces mots. Essayez d'autres mots, ou faites une demande d'assistance en bas de page."
              : `${results.length} réponse${results.length > 1 ? "s" : ""} trouvée${results.length > 1 ? "s" : ""}.`}
        </p>
      </div>

      {results !== null ? (
        <section aria-label="Résultats de la recherche" className="space-y-4">
          {results.map((entry) => (
            <Entry key={entry.id} entry={entry} headingLevel="h2" />
          ))}
        </section>
      ) : (
        <>
          <nav aria-label="Thèmes de l'aide">
            <ul className="grid gap-3 sm:grid-cols-2">
              {themes.map((theme) => (
                <li key={theme.id} className="rounded border border-slate-200 p-3">
                  <a href={`#theme-${theme.id}`} className="font-semibold">
                    {theme.title}
                  </a>
                  <p className="text-sm text-slate-700">{theme.summary}</p>
                </li>
              ))}
            </ul>
          </nav>
          {themes.map((theme) => (
            <section key={theme.id} id={`theme-${theme.id}`} aria-labelledby={`theme-${theme.id}-titre`} className="scroll-mt-4 space-y-4">
              <h2 id={`theme-${theme.id}-titre`} className="text-2xl font-bold text-brand-900">
                {theme.title}
              </h2>
              {theme.entries.map((entry) => (
                <Entry key={entry.id} entry={entry} headingLevel="h3" />
              ))}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
