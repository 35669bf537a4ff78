import type { ReactNode } from "react";
import { typesetNode } from "@/lib/french/react";
import { typeset } from "@/lib/french/typography";

/** A titled part of a page, reachable by its anchor (#id) and named by its heading for screen readers. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`titre-${id}`} id={id} className="space-y-4 rounded-lg border border-slate-200 p-5">
      <h2 id={`titre-${id}`} className="text-xl font-semibold text-brand-900">
        {typeset(title)}
      </h2>
      {typesetNode(children)}
    </section>
  );
}
