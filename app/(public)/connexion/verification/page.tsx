import { HOME_PATH } from "@/lib/auth/home-path";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SecondStepForm } from "@/components/mfa/second-step-form";
import { Alert } from "@/components/ui/alert";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { currentViewer } from "@/lib/auth/viewer";
import { factorsOfPendingStep } from "@/lib/mfa/queries";
import { readStepCookie } from "@/lib/mfa/step-cookie";

export const metadata: Metadata = { title: "Vérification en deux étapes" };

export default async function SecondStepPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? safeReturnPath(params.callbackUrl) : undefined;
  if (await currentViewer()) redirect(callbackUrl ?? HOME_PATH);
  const factors = await factorsOfPendingStep(await readStepCookie());

  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Vérification en deux étapes</h1>
      {factors ? (
        <>
          <p>Votre mot de passe est correct. Pour terminer la connexion, prouvez que c&apos;est bien vous.</p>
          <SecondStepForm callbackUrl={callbackUrl} factors={factors} />
          <p className="border-t border-slate-200 pt-4 text-sm text-slate-700">
            Vous n&apos;avez plus votre téléphone, vos clés d&apos;accès ni vos codes de secours ?{" "}
            <Link href="/aide">Demandez l&apos;aide de l&apos;assistance</Link> : après vérification de votre identité, elle
            réinitialisera la double authentification de votre compte.
          </p>
        </>
      ) : (
        <Alert kind="info" title="Aucune vérification en cours">
          <p>
            Cette étape a expiré (elle dure 5 minutes) ou a déjà servi. <Link href="/connexion">Reconnectez-vous</Link> avec votre
            identifiant et votre mot de passe.
          </p>
        </Alert>
      )}
    </div>
  );
}
