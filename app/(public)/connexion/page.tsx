import { HOME_PATH } from "@/lib/auth/home-path";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/accounts/login-form";
import { Alert } from "@/components/ui/alert";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { currentViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Se connecter" };

const NOTICES: Record<string, string> = {
  "mot-de-passe-modifie": "Votre mot de passe a été modifié : connectez-vous avec le nouveau.",
  "compte-ferme": "Votre compte a été fermé. Merci d'avoir utilisé le portail.",
  "deconnecte-partout": "Toutes les sessions de votre compte sont fermées, sur cet appareil comme sur les autres. Reconnectez-vous pour continuer.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? safeReturnPath(params.callbackUrl) : undefined;
  if (await currentViewer()) redirect(callbackUrl ?? HOME_PATH);
  const notice = typeof params.info === "string" ? NOTICES[params.info] : undefined;

  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Se connecter</h1>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <LoginForm callbackUrl={callbackUrl} />
      <p className="border-t border-slate-200 pt-4">
        Pas encore de compte ? <Link href="/inscription">Créer un compte pour votre organisation</Link>
      </p>
    </div>
  );
}
