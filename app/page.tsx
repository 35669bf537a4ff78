import type { Metadata } from "next";
import Link from "next/link";
import { listCatalogue } from "@/lib/e-services/queries";

export const dynamic = "force-dynamic";

// The root segment's own title is not templated by its layout: written out in full.
export const metadata: Metadata = { title: { absolute: "Les e-services de votre organisation – Portail e-services" } };

const STEPS = [
  {
    title: "Créez votre compte",
    text: "Choisissez votre organisation dans l'annuaire, puis confirmez votre adresse électronique avec le lien reçu.",
  },
  {
    title: "Faites valider votre accès",
    text: "L'administrateur de votre organisation valide votre compte. L'administrateur lui-même est confirmé par le représentant légal, avec un code reçu par courrier.",
  },
  {
    title: "Utilisez vos e-services",
    text: "L'administrateur vous attribue les e-services dont vous avez besoin ; vos tableaux de bord sont mis à jour chaque jour.",
  },
];

export default async function HomePage() {
  const catalogue = await listCatalogue();
  return (
    <div className="space-y-12">
      <section aria-labelledby="titre-accueil" className="space-y-4">
        <h1 id="titre-accueil" className="text-3xl font-bold text-brand-900 sm:text-4xl">
          Les e-services de votre organisation, avec un seul compte
        </h1>
        <p className="max-w-3xl text-lg text-slate-700">
          Communes, intercommunalités, associations et organismes publics : le portail donne à chaque agent un accès
          personnel aux services en ligne auxquels son organisation est abonnée.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link
            href="/inscription"
            className="rounded bg-brand-700 px-5 py-3 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
          >
            Créer un compte
          </Link>
          <Link
            href="/connexion"
            className="rounded border border-brand-700 px-5 py-3 font-semibold text-brand-700 no-underline hover:bg-brand-50"
          >
            Se connecter
          </Link>
        </div>
      </section>

      <section aria-labelledby="titre-etapes" className="space-y-4">
        <h2 id="titre-etapes" className="text-2xl font-semibold text-brand-900">
          Comment ça marche
        </h2>
        <ol className="grid gap-4 sm:grid-cols-3">
          {STEPS.map((step, index) => (
            <li key={step.title} className="rounded-lg border border-slate-200 p-5">
              <p className="text-sm font-semibold text-brand-700">Étape {index + 1}</p>
              <h3 className="mt-1 text-lg font-semibold">{step.title}</h3>
              <p className="mt-2 text-slate-700">{step.text}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="titre-catalogue" className="space-y-4">
        <h2 id="titre-catalogue" className="text-2xl font-semibold text-brand-900">
          Les e-services proposés
        </h2>
        {catalogue.length ? (
          <ul className="grid gap-4 sm:grid-cols-2">
            {catalogue.map((service) => (
              <li key={service.slug} className="rounded-lg border border-slate-200 p-5">
                <h3 className="text-lg font-semibold">{service.name}</h3>
                <p className="mt-2 text-slate-700">{service.description}</p>
                {service.handlesHealthData ? (
                  <p className="mt-3 text-sm font-medium text-amber-900">
                    Données de santé : consentement demandé à la première utilisation.
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucun e-service n&apos;est proposé pour le moment.</p>
        )}
      </section>
    </div>
  );
}
