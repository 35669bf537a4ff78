import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EServiceForm } from "@/components/catalogue/e-service-form";
import { Alert } from "@/components/ui/alert";
import { requireOperator } from "@/lib/auth/guards";
import { eServiceFormValues } from "@/lib/catalogue/form-values";
import { getEServiceForOperator } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Modifier un e-service" };

export default async function EServicePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireOperator("/operateur/catalogue");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const eService = await getEServiceForOperator(db, id);
  if (!eService) notFound();

  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/operateur/catalogue">Retour au catalogue</Link>
      </p>
      <div className="space-y-1">
        <h1 className="text-3xl font-bold text-brand-900">{eService.name}</h1>
        <p className="text-slate-700">
          Identifiant <span className="font-mono">{eService.slug}</span> ·{" "}
          {eService.active ? "proposé aux organisations" : "retiré du catalogue"}
        </p>
      </div>
      {query.info === "cree" ? <Alert kind="success">L&apos;e-service est ajouté au catalogue. Vous pouvez le modifier ci-dessous.</Alert> : null}
      <EServiceForm eServiceId={eService.id} eService={eServiceFormValues(eService)} />
    </div>
  );
}
