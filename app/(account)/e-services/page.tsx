import type { Metadata } from "next";
import Link from "next/link";
import { OpenEServiceForm } from "@/components/e-services/open-e-service-form";
import { WhomToAsk } from "@/components/e-services/whom-to-ask";
import { buttonClass } from "@/components/ui/submit-button";
import { requireViewer } from "@/lib/auth/guards";
import { accessibleEServices, organisationAdministrator } from "@/lib/e-services/access/queries";
import { supportContacts } from "@/lib/support-contacts";
import { deNom } from "@/lib/french/names";

export const metadata: Metadata = { title: "Mes e-services" };

export default async function MyEServicesPage() {
  const viewer = await requireViewer("/e-services");
  const [services, administrator] = await Promise.all([
    accessibleEServices(viewer),
    organisationAdministrator(viewer),
  ]);

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Mes e-services</h1>
        <p className="text-slate-700">
          Les e-services que vous pouvez ouvrir aujourd&apos;hui
          {viewer.organisationName ? ` au nom ${deNom({ name: viewer.organisationName, typeLiaison: viewer.organisationTypeLiaison })}` : ""}.
        </p>
      </div>

      {services.length ? (
        <ul className="space-y-4">
          {services.map((service) => (
            <li key={service.slug} className="space-y-3 rounded-lg border border-slate-200 p-5">
              <h2 className="text-xl font-semibold text-brand-900">
                <Link href={`/e-services/${service.slug}`}>{service.name}</Link>
              </h2>
              <p className="text-slate-700">{service.description}</p>
              {service.handlesHealthData ? (
                <p className="text-sm font-medium text-amber-950">
                  Données de santé : accès réservé au titulaire des identifiants
                  {service.consentNeeded ? ", votre consentement sera demandé à la première ouverture" : ""}.
                </p>
              ) : null}
              {service.requiresSecondFactor ? (
                <p className="text-sm font-medium text-slate-800">
                  Double authentification exigée : connectez-vous au portail avec une application
                  d&apos;authentification ou une clé d&apos;accès (à ajouter dans{" "}
                  <Link href="/espace/securite">Mon espace › Sécurité</Link>) pour l&apos;ouvrir.
                </p>
              ) : null}
              {service.consentNeeded ? (
                <Link href={`/e-services/${service.slug}`} className={buttonClass}>
                  Ouvrir<span className="sr-only"> {service.name}</span>
                </Link>
              ) : (
                <OpenEServiceForm slug={service.slug} serviceName={service.name} label="Ouvrir" />
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun e-service ne peut être ouvert aujourd&apos;hui avec votre compte.</p>
      )}

      <section aria-labelledby="titre-manquant" className="space-y-3 rounded-lg border border-slate-200 p-5">
        <h2 id="titre-manquant" className="text-xl font-semibold text-brand-900">
          Un e-service manque ?
        </h2>
        <p>
          Pour ouvrir un e-service, il faut deux choses : que votre organisation y soit abonnée à la date du jour, et
          que l&apos;administrateur de l&apos;organisation vous ait attribué la permission de l&apos;utiliser.
        </p>
        <WhomToAsk administrator={administrator} viewerIsAdministrator={viewer.role === "ADMINISTRATOR"} support={supportContacts()} />
      </section>
    </div>
  );
}
