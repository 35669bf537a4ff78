// Who administers the organisation (DEP-1): the administrator and the deputies, with their
// state. Shown on the console's home to the administrator and the deputies, and on the
// deputies page with the administrator's "Retirer le rôle" buttons.
import { formatDate } from "@/lib/calendar";
import type { OrganisationManagers } from "@/lib/deputies/queries";
import { ResultOutlet } from "@/components/ui/action-result";
import { TableRegion } from "@/components/ui/table-region";
import { RemoveDeputyForm } from "./deputy-forms";


export function OrganisationManagersTable({ managers, removable = false }: { managers: OrganisationManagers; removable?: boolean }) {
  const rows = [
    ...managers.administrators.map((account) => ({
      account,
      role: "Administrateur",
      state: account.status === "ACTIVE" ? "Actif" : "Compte désactivé : les suppléants prennent le relais",
      deputy: false,
    })),
    ...managers.deputies.map((deputy) => ({
      account: deputy.account,
      role: deputy.status === "ACCEPTED" ? "Suppléant" : "Suppléant (en attente)",
      state:
        deputy.status === "ACCEPTED"
          ? `A accepté le ${formatDate(deputy.acceptedAt ?? deputy.designatedAt)}`
          : `Désigné le ${formatDate(deputy.designatedAt)}, n'a pas encore répondu`,
      deputy: true,
    })),
  ];
  if (!rows.length) return <p>Personne n&apos;administre l&apos;organisation pour le moment.</p>;
  const vacant = !managers.administrators.some((account) => account.status === "ACTIVE");
  return (
    <>
      {vacant ? (
        <p className="font-medium text-amber-900">
          L&apos;organisation n&apos;a plus d&apos;administrateur actif : les suppléants la font fonctionner, et l&apos;un d&apos;eux peut demander le rôle
          depuis son espace (courrier au représentant légal).
        </p>
      ) : null}
      <ResultOutlet id="deputy-message">
      <TableRegion label="L'administrateur et les suppléants de l'organisation">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">L&apos;administrateur et les suppléants de l&apos;organisation</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-3">
              Nom
            </th>
            <th scope="col" className="py-2 pr-3">
              Identifiant
            </th>
            <th scope="col" className="py-2 pr-3">
              Rôle
            </th>
            <th scope="col" className="py-2 pr-3">
              État
            </th>
            {removable ? (
              <th scope="col" className="py-2">
                Action
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ account, role, state, deputy }) => {
            const name = `${account.firstName} ${account.lastName}`;
            return (
              <tr key={account.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {name}
                </th>
                <td className="py-2 pr-3 font-mono">{account.identifier}</td>
                <td className="py-2 pr-3">{role}</td>
                <td className="py-2 pr-3">{state}</td>
                {removable ? <td className="py-2">{deputy ? <RemoveDeputyForm accountId={account.id} personName={name} /> : null}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      </TableRegion>
      </ResultOutlet>
    </>
  );
}
