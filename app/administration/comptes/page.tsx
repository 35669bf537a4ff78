import type { Metadata } from "next";
import Link from "next/link";
import { AccountsTable, type AccountRowView } from "@/components/administration/accounts-table";
import { ResultOutlet } from "@/components/ui/action-result";
import { listOrganisationAccounts } from "@/lib/administration/queries";
import { decisionsOn } from "@/lib/administration/account-decisions";
import { requireOrganisationManager } from "@/lib/auth/guards";
import { queryText } from "@/lib/security/input-text";
import type { AccountStatus } from "@/lib/generated/prisma/enums";
import type { AccountListRow } from "@/lib/accounts/search-accounts";
import { formatDate } from "@/lib/calendar";

export const metadata: Metadata = { title: "Comptes de l'organisation" };

const TABS: { status: AccountStatus; label: string }[] = [
  { status: "PENDING_VALIDATION", label: "À valider" },
  { status: "ACTIVE", label: "Actifs" },
  { status: "PENDING_ACTIVATION", label: "Adresse à confirmer" },
  { status: "DEACTIVATED", label: "Désactivés" },
];

const REASONS: Record<string, string> = {
  INACTIVITY: "inactivité (16 mois)",
  NEVER_ACTIVATED: "adresse jamais confirmée",
  INVALIDATED: "par l'administrateur",
  CLOSED_BY_OWNER: "fermé par son titulaire",
};


/** Everyone's role in the organisation (DEP-1). */
function roleLabel(account: { role: string; deputyStatus: "PENDING" | "ACCEPTED" | null }): string {
  if (account.role === "ADMINISTRATOR") return "Administrateur";
  if (account.deputyStatus === "ACCEPTED") return "Suppléant";
  if (account.deputyStatus === "PENDING") return "Suppléant (en attente)";
  return "Utilisateur";
}

const DETAIL_HEADERS: Record<AccountStatus, string> = {
  PENDING_VALIDATION: "Inscription",
  ACTIVE: "Dernière connexion",
  PENDING_ACTIVATION: "Inscription",
  DEACTIVATED: "Motif",
};

/** The third column: last sign-in of an active account, reason of a deactivation, or registration date. */
function detailOf(status: AccountStatus, account: AccountListRow): string {
  if (status === "ACTIVE") return account.lastLoginAt ? formatDate(account.lastLoginAt) : "Jamais";
  if (status === "DEACTIVATED") return `${REASONS[account.deactivationReason ?? ""] ?? "—"}${account.statusNote ? ` : ${account.statusNote}` : ""}`;
  return formatDate(account.createdAt);
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const administrator = await requireOrganisationManager("/administration/comptes");
  const params = await searchParams;
  const status = TABS.find((tab) => tab.status === params.statut)?.status ?? "PENDING_VALIDATION";
  const query = (queryText(params.q) ?? "").slice(0, 100);
  const page = Math.min(Math.max(1, Number(params.page) || 1), 10_000);
  const list = await listOrganisationAccounts(administrator, { status, query, page });
  const tabLabel = TABS.find((tab) => tab.status === status)?.label ?? "";
  // Plain data for the client table: texts and the decisions this viewer may take.
  const rows = list.rows.map(
    (account): AccountRowView => ({
      id: account.id,
      name: `${account.firstName} ${account.lastName}`,
      role: roleLabel(account),
      jobTitle: account.jobTitle,
      identifier: account.identifier,
      email: account.email,
      detail: detailOf(status, account),
      self: account.id === administrator.accountId,
      decisions: decisionsOn(administrator, account),
    }),
  );
  const href = (changes: Record<string, string | number>) =>
    `/administration/comptes?${new URLSearchParams({ statut: status, ...(query ? { q: query } : {}), ...Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, String(value)])) })}`;

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Comptes de l&apos;organisation</h1>
      <nav aria-label="États des comptes">
        <ul className="flex flex-wrap gap-2">
          {TABS.map((tab) => (
            <li key={tab.status}>
              <Link
                href={`/administration/comptes?statut=${tab.status}`}
                aria-current={tab.status === status ? "page" : undefined}
                className={`inline-block rounded border px-3 py-1.5 no-underline ${tab.status === status ? "border-brand-700 bg-brand-700 text-white hover:text-white" : "border-slate-300"}`}
              >
                {tab.label} ({list.counts[tab.status] ?? 0})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search">
        <input type="hidden" name="statut" value={status} />
        <div>
          <label htmlFor="recherche-compte" className="block font-medium">
            Rechercher un compte
          </label>
          <input id="recherche-compte" name="q" defaultValue={query} className="w-72 rounded border border-slate-500 px-3 py-2" />
        </div>
        <button type="submit" className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700">
          Rechercher
        </button>
      </form>
      <p role="status">
        {list.total} compte{list.total > 1 ? "s" : ""}
        {query ? ` pour « ${query} »` : ""}
        {list.pageCount > 1 ? ` — page ${list.page} sur ${list.pageCount}` : ""}
      </p>
      <ResultOutlet id="decision-message">
        {rows.length ? (
          <AccountsTable caption={`Comptes : ${tabLabel}`} detailHeader={DETAIL_HEADERS[status]} rows={rows} />
        ) : (
          <p>Aucun compte dans cet état{query ? " pour cette recherche" : ""}.</p>
        )}
      </ResultOutlet>
      {list.pageCount > 1 ? (
        <nav aria-label="Pages de résultats" className="flex gap-4">
          {list.page > 1 ? <Link href={href({ page: list.page - 1 })}>Page précédente</Link> : null}
          {list.page < list.pageCount ? <Link href={href({ page: list.page + 1 })}>Page suivante</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
