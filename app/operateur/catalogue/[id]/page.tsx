import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BackLink } from "@/components/ui/back-link";
import { EServiceForm } from "@/components/catalogue/e-service-form";
import { ApiKeysPanel } from "@/components/dashboards/api-keys-panel";
import { Alert } from "@/components/ui/alert";
import { requireOperator } from "@/lib/auth/guards";
import { eServiceFormValues } from "@/lib/catalogue/form-values";
import { getEServiceForOperator } from "@/lib/catalogue/queries";
import { listApiKeys } from "@/lib/dashboards/queries";
import { OidcClientPanel } from "@/components/oidc/oidc-client-panel";
import { portalIssuer } from "@/lib/oidc/issuer";
import { oidcClientForOperator } from "@/lib/oidc/queries";

// One read for the title and the page (issue 16 item 9: each e-service's page has its own title).
const loadEService = cache(async (id: string) => getEServiceForOperator(await requireOperator("/operateur/catalogue"), id));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const eService = await loadEService((await params).id);
  return { title: eService ? `Modifier l'e-service ${eService.name}` : "E-service introuvable" };
}

export default async function EServicePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const operator = await requireOperator("/operateur/catalogue");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const eService = await loadEService(id);
  if (!eService) notFound();
  const [keys, oidcClient] = await Promise.all([listApiKeys(operator, eService.id), oidcClientForOperator(operator, eService.id)]);

  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/operateur/catalogue">Retour au catalogue</BackLink>
      <div className="space-y-1">
        <h1 className="text-3xl font-bold text-brand-900">{eService.name}</h1>
        <p className="text-slate-700">
          Identifiant <span className="font-mono">{eService.slug}</span> ·{" "}
          {eService.active ? "proposé aux organisations" : "retiré du catalogue"}
        </p>
      </div>
      {query.info === "cree" ? <Alert kind="success">L&apos;e-service est ajouté au catalogue. Vous pouvez le modifier ci-dessous.</Alert> : null}
      <EServiceForm eServiceId={eService.id} eService={eServiceFormValues(eService)} />
      <section aria-labelledby="titre-oidc" className="space-y-3 border-t border-slate-200 pt-6">
        <h2 id="titre-oidc" className="text-2xl font-semibold text-brand-900">
          Connexion OpenID Connect
        </h2>
        <p className="text-slate-700">
          Enregistré comme client du fournisseur d&apos;identité du portail, l&apos;e-service connecte les personnes avec leur
          compte du portail (guide : <code>docs/integration-oidc.md</code>). Chaque modification est inscrite au journal.
        </p>
        <OidcClientPanel eServiceId={eService.id} client={oidcClient} issuer={portalIssuer()} />
      </section>
      <section aria-labelledby="titre-cles" className="space-y-3 border-t border-slate-200 pt-6">
        <h2 id="titre-cles" className="text-2xl font-semibold text-brand-900">
          Clés d&apos;API des chiffres
        </h2>
        <p className="text-slate-700">
          L&apos;e-service envoie chaque jour les chiffres de ses organisations abonnées avec une de ces clés (
          <code>POST /api/v1/figures</code>). Le portail ne conserve qu&apos;une empreinte de chaque clé.
        </p>
        <ApiKeysPanel
          eServiceId={eService.id}
          serviceName={eService.name}
          keys={keys.map((key) => ({
            id: key.id,
            prefix: key.prefix,
            createdAt: key.createdAt.toISOString(),
            createdBy: key.createdBy?.identifier ?? null,
            lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
            revokedAt: key.revokedAt?.toISOString() ?? null,
          }))}
        />
      </section>
    </div>
  );
}
