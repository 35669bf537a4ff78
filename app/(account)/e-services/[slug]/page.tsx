import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { HealthConsentForm } from "@/components/e-services/health-consent-form";
import { OpenEServiceForm } from "@/components/e-services/open-e-service-form";
import { WhomToAsk } from "@/components/e-services/whom-to-ask";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { requireViewer } from "@/lib/auth/guards";
import { HOLDER_ONLY_STATEMENT, REFUSAL_MESSAGES, REFUSAL_TITLES } from "@/lib/e-services/access/messages";
import { eServiceAccess } from "@/lib/e-services/access/queries";
import { supportContacts } from "@/lib/support-contacts";
import { deNom } from "@/lib/french/names";

// One read for the title and the page (issue 16 item 9: each e-service's page has its own title).
const loadAccess = cache(async (slug: string) => eServiceAccess(await requireViewer("/e-services"), slug));

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const access = await loadAccess((await params).slug);
  return { title: access.service ? `${access.service.name} (e-service)` : "E-service introuvable" };
}

export default async function EServicePage({ params }: { params: Promise<{ slug: string }> }) {
  const viewer = await requireViewer("/e-services");
  const { slug } = await params;
  const access = await loadAccess(slug);
  if (!access.ok && access.reason === "unknown") notFound();
  const name = access.service?.name ?? "E-service";
  const handlesHealthData = access.service?.handlesHealthData ?? false;

  return (
    <div className="space-y-8">
      <BackLink href="/e-services">Retour à mes e-services</BackLink>
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">{name}</h1>
        {access.ok ? <p className="text-slate-700">{access.service.description}</p> : null}
      </div>

      {handlesHealthData ? (
        <Alert kind="warning" title="Données de santé">
          {HOLDER_ONLY_STATEMENT}
        </Alert>
      ) : null}

      {!access.ok ? (
        <section aria-labelledby="titre-refus" className="space-y-4">
          <Alert kind="error" title={<span id="titre-refus">{REFUSAL_TITLES[access.reason]}</span>}>
            <p>{REFUSAL_MESSAGES[access.reason]}</p>
          </Alert>
          {access.reason === "no_permission" || access.reason === "no_subscription" ? (
            <WhomToAsk administrator={access.administrator} viewerIsAdministrator={viewer.role === "ADMINISTRATOR"} support={supportContacts()} />
          ) : null}
        </section>
      ) : access.consentNeeded ? (
        <section aria-labelledby="titre-consentement" className="space-y-4 rounded-lg border border-slate-200 p-5">
          <h2 id="titre-consentement" className="text-xl font-semibold text-brand-900">
            Votre consentement avant la première utilisation
          </h2>
          <p>
            Cet e-service traite des données de santé. Avant de l&apos;ouvrir pour la première fois, vous devez y
            consentir explicitement. Si vous refusez, l&apos;e-service reste fermé ; vous pourrez revenir sur cette
            page plus tard.
          </p>
          <HealthConsentForm slug={access.service.slug} />
        </section>
      ) : (
        <section aria-labelledby="titre-ouvrir" className="space-y-4 rounded-lg border border-slate-200 p-5">
          <h2 id="titre-ouvrir" className="text-xl font-semibold text-brand-900">
            Ouvrir l&apos;e-service
          </h2>
          <p>
            Vous allez quitter le portail pour l&apos;e-service, qui vous reconnaîtra sans nouveau mot de passe, au nom{" "}
            {deNom({ name: viewer.organisationName ?? "", typeLiaison: viewer.organisationTypeLiaison })}.
          </p>
          <OpenEServiceForm slug={access.service.slug} serviceName={access.service.name} />
        </section>
      )}
    </div>
  );
}
