// BULK-1: the imports of one organisation and the form to send a new file. Shared by the
// administrator's console and the operator's page of an organisation.
import Link from "next/link";
import { IMPORT_STATUS_LABELS } from "./labels";
import { UploadForm } from "./upload-form";
import { TableRegion } from "@/components/ui/table-region";
import { deNom } from "@/lib/french/names";
import { formatDateTime } from "@/lib/calendar";


export interface ImportSummary {
  id: string;
  fileName: string;
  status: string;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  refusedCount: number;
  createdAt: Date;
  createdBy: { identifier: string } | null;
}

export function ImportsOverview({
  organisationName,
  organisationTypeLiaison,
  basePath,
  organisationId,
  imports,
}: {
  organisationName: string;
  organisationTypeLiaison?: number;
  basePath: string;
  organisationId?: string;
  imports: ImportSummary[];
}) {
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Imports de comptes</h1>
        <p className="text-slate-700">
          Créez ou mettez à jour les comptes {deNom({ name: organisationName, typeLiaison: organisationTypeLiaison })} à partir d&apos;un export de votre logiciel de gestion. Rien n&apos;est
          enregistré avant que vous ayez lu l&apos;aperçu et confirmé.
        </p>
      </div>

      <section aria-labelledby="titre-nouvel-import" className="space-y-4 rounded-lg border border-slate-200 p-5">
        <h2 id="titre-nouvel-import" className="text-xl font-semibold text-brand-900">
          Nouvel import
        </h2>
        <div className="space-y-2 text-sm text-slate-700">
          <p>La première ligne du fichier nomme les colonnes :</p>
          <ul className="list-inside list-disc">
            <li>obligatoires : civilité, prénom, nom, adresse électronique ;</li>
            <li>
              facultatives : catégorie, e-services (noms séparés par « | »), date d&apos;ouverture (JJ/MM/AAAA : le courriel de
              bienvenue part ce jour-là).
            </li>
          </ul>
          <p>Chaque personne reçoit son identifiant et un lien pour choisir son mot de passe ; aucun mot de passe n&apos;est envoyé.</p>
        </div>
        <UploadForm organisationId={organisationId} />
      </section>

      <section aria-labelledby="titre-imports" className="space-y-3">
        <h2 id="titre-imports" className="text-xl font-semibold text-brand-900">
          Imports précédents
        </h2>
        {imports.length ? (
          <TableRegion label="Tableau des imports précédents">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Les imports de l&apos;organisation, du plus récent au plus ancien</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">Fichier</th>
                <th scope="col" className="py-2 pr-3">Date</th>
                <th scope="col" className="py-2 pr-3">État</th>
                <th scope="col" className="py-2 pr-3">Lignes</th>
                <th scope="col" className="py-2">Créés / mis à jour / inchangés / refusés</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((item) => (
                <tr key={item.id} className="border-b border-slate-100">
                  <td className="py-2 pr-3">
                    <Link href={`${basePath}/${item.id}`}>{item.fileName}</Link>
                  </td>
                  <td className="py-2 pr-3">
                    {formatDateTime(item.createdAt)}
                    {item.createdBy ? ` (${item.createdBy.identifier})` : ""}
                  </td>
                  <td className="py-2 pr-3">{IMPORT_STATUS_LABELS[item.status] ?? item.status}</td>
                  <td className="py-2 pr-3">{item.totalRows.toLocaleString("fr-FR")}</td>
                  <td className="py-2">
                    {[item.createdCount, item.updatedCount, item.unchangedCount, item.refusedCount].map((n) => n.toLocaleString("fr-FR")).join(" / ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableRegion>
        ) : (
          <p>Aucun import pour le moment.</p>
        )}
      </section>
    </div>
  );
}
