import type { ReactNode } from "react";
import { typesetNode } from "@/lib/french/react";
import { typeset } from "@/lib/french/typography";

/** A page of running text: title, optional introduction, sections. */
export function ProsePage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <article className="max-w-3xl space-y-6 [&_h2]:mt-8 [&_h2]:text-xl [&_h2]:font-semibold [&_h2]:text-brand-900 [&_li]:mt-1 [&_p]:text-slate-800 [&_ul]:list-inside [&_ul]:list-disc">
      <h1 className="text-3xl font-bold text-brand-900">{typeset(title)}</h1>
      {intro ? <div className="text-lg text-slate-700">{typesetNode(intro)}</div> : null}
      {typesetNode(children)}
    </article>
  );
}
