"use client";

// The table of one dashboard section (DASH-3): the chart's data, readable by everyone, newest
// day (or month) first. It scrolls sideways in its own labelled region when it is wider than
// the screen; its height is the page's (no small scroll box to read 90 rows through).
// A client component although it has no state: the page sends the section's figures once, for
// the chart and this table alike, instead of the figures plus every cell of the table as a
// server-rendered tree (about two thirds of the dashboard's server work; issue 17 item 2).
import { formatFigure, type Section } from "@/lib/dashboards/build";

export function FigureTable({ section, caption, firstHeader }: { section: Section; caption: string; firstHeader: string }) {
  return (
    <div tabIndex={0} role="region" aria-label={`Tableau : ${caption}`} className="overflow-x-auto rounded border border-slate-200">
      {/* The body's cells are styled from the table: hundreds of them, each without a class of its own. */}
      <table className="w-full border-collapse text-sm [&_tbody_td]:px-3 [&_tbody_td]:py-1.5 [&_tbody_td]:text-right [&_tbody_td]:tabular-nums [&_tbody_th]:px-3 [&_tbody_th]:py-1.5 [&_tbody_th]:text-left [&_tbody_th]:font-normal [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-200">
        <caption className="px-3 py-2 text-left font-semibold text-slate-800">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">
              {firstHeader}
            </th>
            {section.columns.map((column) => (
              <th key={column.metric} scope="col" className="px-3 py-2 text-right">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...section.rows].reverse().map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.label}
              </th>
              {row.values.map((value, index) => (
                <td key={section.columns[index].metric}>{formatFigure(value)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
