import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/submit-button";
import { requireOperator } from "@/lib/auth/guards";
import { listEServicesForOperator } from "@/lib/catalogue/queries";

export const metadata: Metadata = { title: "Catalogue des e-services" };

const count = new Intl.NumberFormat("fr-FR");

export default async function CataloguePage() {
  const operator = await requireOperator("/operateur/catalogue");
  const rows = await listEServicesForOperator(operator);
  const active = rows.filter((row) => row.active).length;

  return (
    <div className="space-y-6">
      <p>
        <Link href="/operateur">Console opérateur</Link>
      </p>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold text-brand-900">Catalogue des e-services</h1>
        <Link href="/operateur/catalogue/nouveau" className={`${buttonClass} no-underline hover:text-white`}>
          Ajouter un e-service
        </Link>
      </div>
      <p className="text-slate-700">
        {rows.length
          ? `${count.format(rows.length)} e-service${rows.length > 1 ? "s" : ""}, dont ${count.format(active)} proposé${active > 1 ? "s" : ""} aux organisations. Un e-service retiré du catalogue garde ses abonnements et ses droits.`
          : "Aucun e-service dans le catalogue."}
      </p>

      {rows.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">E-services du catalogue</caption>
            <thead className="bg-slate-50">
              <tr className="border-b border-slate-200">
                <th scope="col" className="px-4 py-2">Nom</th>
                <th scope="col" className="px-4 py-2">Identifiant technique</th>
                <th scope="col" className="px-4 py-2">Données de santé</th>
                <th scope="col" className="px-4 py-2">Proposé aux organisations</th>
                <th scope="col" className="px-4 py-2">Organisations abonnées</th>
                <th scope="col" className="px-4 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((eService) => (
                <tr key={eService.id} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-4 py-2 font-medium">{eService.name}</th>
                  <td className="px-4 py-2 font-mono">{eService.slug}</td>
                  <td className="px-4 py-2">{eService.handlesHealthData ? "Oui" : "Non"}</td>
                  <td className="px-4 py-2">{eService.active ? "Oui" : "Non"}</td>
                  <td className="px-4 py-2">{count.format(eService.organisations)}</td>
                  <td className="px-4 py-2">
                    <Link href={`/operateur/catalogue/${eService.id}`}>
                      Modifier<span className="sr-only"> {eService.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
