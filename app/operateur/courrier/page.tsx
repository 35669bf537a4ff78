import type { Metadata } from "next";
import { MarkPostedForm } from "@/components/letters/mark-posted-form";
import { requireOperator } from "@/lib/auth/guards";
import { parisDayKey, formatDate, formatDateTime } from "@/lib/calendar";
import { letterHistory, queuedLetters } from "@/lib/letters/queries";
import { TableRegion } from "@/components/ui/table-region";
import { deNom } from "@/lib/french/names";

export const metadata: Metadata = { title: "Courrier" };


export default async function CourrierPage() {
  const operator = await requireOperator("/operateur/courrier");
  const [queued, history] = await Promise.all([queuedLetters(operator), letterHistory(operator)]);

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Courrier</h1>
        <p className="text-slate-700">
          Les courriers aux représentants légaux, générés à chaque demande d&apos;administration. Imprimez le lot, mettez
          sous enveloppe à fenêtre, puis marquez les courriers comme postés avec la date de dépôt. Le PDF d&apos;un
          courrier posté est supprimé, car il contient le code en clair : tant que la demande attend, vous pouvez le
          réimprimer. Chaque téléchargement est inscrit au journal.
        </p>
      </div>

      <section aria-labelledby="titre-attente" className="space-y-4">
        <h2 id="titre-attente" className="text-xl font-semibold text-brand-900">
          En attente d&apos;impression ({queued.length})
        </h2>
        {queued.length ? (
          <p>
            {/* A PDF download from a route handler, not a page: a plain link, no client navigation. */}
            <a href="/operateur/courrier/lot" className="font-semibold" download>
              Télécharger le lot à imprimer (PDF, {queued.length} courrier{queued.length > 1 ? "s" : ""})
            </a>
          </p>
        ) : null}
        {/* Always mounted, so that its confirmation stays visible once the queue is empty. */}
        <MarkPostedForm
          today={parisDayKey()}
          letters={queued.map((letter) => ({
            id: letter.id,
            number: letter.adminRequest.number,
            organisationName: letter.adminRequest.organisation.name,
            requesterName: `${letter.adminRequest.requester.firstName} ${letter.adminRequest.requester.lastName}`,
            createdAt: formatDateTime(letter.createdAt),
            addressLines: letter.addressLines,
            addressComplete: letter.addressComplete,
            addressProblems: letter.addressProblems,
            organisationId: letter.adminRequest.organisation.id,
            ofOrganisation: deNom(letter.adminRequest.organisation),
          }))}
        />
      </section>

      <section aria-labelledby="titre-historique" className="space-y-4">
        <h2 id="titre-historique" className="text-xl font-semibold text-brand-900">
          Historique
        </h2>
        {history.length ? (
          <TableRegion label="Historique des courriers">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Les 50 derniers courriers postés ou annulés</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">Demande</th>
                <th scope="col" className="py-2 pr-3">Organisation</th>
                <th scope="col" className="py-2 pr-3">État</th>
                <th scope="col" className="py-2">PDF</th>
              </tr>
            </thead>
            <tbody>
              {history.map((letter) => (
                <tr key={letter.id} className="border-b border-slate-100">
                  <td className="py-2 pr-3 font-mono">{letter.adminRequest.number}</td>
                  <td className="py-2 pr-3">{letter.adminRequest.organisation.name}</td>
                  <td className="py-2 pr-3">
                    {letter.statusLabel}
                    {letter.postedAt ? ` (posté le ${formatDate(letter.postedAt)}` : ""}
                    {letter.postedAt ? ")" : ""}
                    {letter.postedBy ? ` par ${letter.postedBy.identifier}` : ""}
                  </td>
                  <td className="py-2">
                    {letter.reprintable ? (
                      <a href={`/operateur/courrier/${letter.id}`}>
                        Réimprimer<span className="sr-only"> le courrier {letter.adminRequest.number}</span>
                      </a>
                    ) : letter.status === "POSTED" ? (
                      "Supprimé à l'envoi (code confidentiel)"
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableRegion>
        ) : (
          <p>Aucun courrier posté pour le moment.</p>
        )}
      </section>
    </div>
  );
}
