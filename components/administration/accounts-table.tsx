"use client";

// The table of the organisation's accounts (ADM-2), one client component fed with plain
// data: the page sends each row's texts and the decisions it allows, not a tree of server
// elements with client forms inside. Sending the rows as elements cost the server about three
// times the work of its plainest page per request (issue 17 item 2: each element was rendered,
// serialised into the page's flight data, read back and rendered to HTML); data is sent once.
import { TableRegion } from "@/components/ui/table-region";
import { AccountDecisionForm, type Decision } from "./account-decision-form";

export interface AccountRowView {
  id: string;
  /** First and last name: the row's header and the screen-reader label of its buttons. */
  name: string;
  /** Administrator, deputy or user (DEP-1). */
  role: string;
  jobTitle: string | null;
  identifier: string;
  email: string;
  /** The third column: last sign-in, reason of the deactivation, or registration date. */
  detail: string;
  /** The viewer's own account: no decision on it. */
  self: boolean;
  /** The decisions the viewer may take on this account (the service enforces them too). */
  decisions: Decision[];
}

export function AccountsTable({ caption, detailHeader, rows }: { caption: string; detailHeader: string; rows: AccountRowView[] }) {
  return (
    <TableRegion label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-3">
              Nom
            </th>
            <th scope="col" className="py-2 pr-3">
              Identifiant et adresse
            </th>
            <th scope="col" className="py-2 pr-3">
              {detailHeader}
            </th>
            <th scope="col" className="py-2">
              Décision
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((account) => (
            <tr key={account.id} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                {account.name}
                <span className="block text-slate-600">{account.role}</span>
                {account.jobTitle ? <span className="block text-slate-600">{account.jobTitle}</span> : null}
              </th>
              <td className="py-2 pr-3">
                <span className="block font-mono">{account.identifier}</span>
                <span className="block text-slate-600">{account.email}</span>
              </td>
              <td className="py-2 pr-3">{account.detail}</td>
              <td className="space-y-2 py-2">
                {account.self ? <span className="text-slate-600">Votre compte</span> : null}
                {account.decisions.map((decision) => (
                  <AccountDecisionForm key={decision} accountId={account.id} personName={account.name} decision={decision} />
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
