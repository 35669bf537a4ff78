import type { Metadata } from "next";
import Link from "next/link";
import { EndSubscriptionForm, SubscribeForm } from "@/components/subscriptions/subscription-forms";
import { ResultOutlet } from "@/components/ui/action-result";
import { requireAdministrator } from "@/lib/auth/guards";
import { formatDay, parisDayKey } from "@/lib/calendar";
import { listCatalogueWithSubscriptions, type CatalogueEntry } from "@/lib/subscriptions/queries";

export const metadata: Metadata = { title: "Abonnements aux e-services" };

function StateLine({ entry }: { entry: CatalogueEntry }) {
  const { state } = entry;
  switch (state.kind) {
    case "current":
      return (
        <p>
          <strong className="text-green-800">Abonnement en cours</strong> depuis le {formatDay(state.startDate)}
          {state.endDate ? `, jusqu'au ${formatDay(state.endDate)} inclus` : ", sans date de fin"}.
        </p>
      );
    case "upcoming":
      return (
        <p>
          <strong className="text-brand-800">Abonnement à venir</strong> : à partir du {formatDay(state.startDate)}
          {state.endDate ? `, jusqu'au ${formatDay(state.endDate)} inclus` : ""}.
        </p>
      );
    case "ended":
      return (
        <p>
          <strong>Abonnement terminé</strong> le {formatDay(state.endDate)}.
        </p>
      );
    default:
      return <p>L&apos;organisation n&apos;est pas abonnée à cet e-service.</p>;
  }
}

// ADM-1: the catalogue with the organisation's subscription to each e-service. The
// organisation comes from the session only.
export default async function SubscriptionsPage() {
  const viewer = await requireAdministrator("/administration/abonnements");
  const today = parisDayKey();
  const catalogue = await listCatalogueWithSubscriptions(viewer);

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Abonnements aux e-services</h1>
        <p className="text-slate-700">
          Abonnez {viewer.organisationName} aux e-services du catalogue, puis accordez-en l&apos;usage aux personnes de votre choix depuis la page{" "}
          <Link href="/administration/permissions">Permissions</Link>.
        </p>
      </div>
      {catalogue.length === 0 ? <p>Le catalogue ne propose aucun e-service pour le moment.</p> : null}
      <ul className="space-y-6">
        {catalogue.map((entry) => {
          const ongoing = entry.state.kind === "current" || entry.state.kind === "upcoming" ? entry.state : null;
          return (
            <li key={entry.eServiceId}>
              <section aria-labelledby={`service-${entry.slug}`} className="space-y-4 rounded-lg border border-slate-200 p-5">
                <div className="space-y-1">
                  <h2 id={`service-${entry.slug}`} className="text-xl font-semibold text-brand-900">
                    {entry.name}
                  </h2>
                  <p className="text-slate-700">{entry.description}</p>
                  {entry.handlesHealthData ? (
                    <p className="text-sm text-amber-900">Cet e-service traite des données de santé : chaque personne devra donner son accord à sa première utilisation.</p>
                  ) : null}
                  {/* A live region: when a form below succeeds it is replaced by the other one, and
                      this line, updated by the same answer, says what happened. */}
                  <div role="status" aria-live="polite">
                    <StateLine entry={entry} />
                  </div>
                  {entry.next ? (
                    <p>
                      Un abonnement suivant est prévu à partir du {formatDay(entry.next.startDate)}
                      {entry.next.endDate ? `, jusqu'au ${formatDay(entry.next.endDate)} inclus` : ""}.
                    </p>
                  ) : null}
                </div>
                <ResultOutlet id={`abonnement-${entry.slug}-message`}>
                  {ongoing ? (
                    <EndSubscriptionForm subscriptionId={ongoing.subscriptionId} slug={entry.slug} name={entry.name} users={entry.users} minDate={ongoing.startDate > today ? ongoing.startDate : today} />
                  ) : (
                    <SubscribeForm eServiceId={entry.eServiceId} slug={entry.slug} name={entry.name} termsText={entry.termsText} today={today} />
                  )}
                </ResultOutlet>
              </section>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
