// What the operator's list pages of records (the catalogue, the organisations) share: the
// heading with its "create" button, and the table of records, each with its edit link. The
// table scrolls inside its own labelled region on narrow screens rather than the page.
import Link from "next/link";
import type { ReactNode } from "react";
import { BackLink } from "@/components/ui/back-link";
import { buttonClass } from "@/components/ui/submit-button";
import { TableRegion } from "@/components/ui/table-region";

export function RecordsHeading({ title, createHref, createLabel }: { title: string; createHref: string; createLabel: string }) {
  return (
    <>
      <BackLink href="/operateur">Retour à la console opérateur</BackLink>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold text-brand-900">{title}</h1>
        <Link href={createHref} className={`${buttonClass} no-underline hover:text-white`}>
          {createLabel}
        </Link>
      </div>
    </>
  );
}

export interface RecordColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  mono?: boolean;
}

/** The records, the first column naming each row; "Modifier" leads to the record's page. */
export function RecordsTable<Row extends { id: string; name: string }>({
  caption,
  rows,
  columns,
  editHref,
}: {
  caption: string;
  rows: Row[];
  columns: RecordColumn<Row>[];
  editHref: (row: Row) => string;
}) {
  if (!rows.length) return null;
  return (
    <TableRegion label={caption} className="rounded-lg border border-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-4 py-2">Nom</th>
            {columns.map((column) => (
              <th key={column.header} scope="col" className="px-4 py-2">
                {column.header}
              </th>
            ))}
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="px-4 py-2 font-medium">{row.name}</th>
              {columns.map((column) => (
                <td key={column.header} className={`px-4 py-2${column.mono ? " font-mono" : ""}`}>
                  {column.cell(row)}
                </td>
              ))}
              <td className="px-4 py-2">
                <Link href={editHref(row)}>
                  Modifier<span className="sr-only"> {row.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
