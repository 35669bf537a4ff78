import type { Metadata } from "next";
import Link from "next/link";
import { HOME_PATH } from "@/lib/auth/home-path";

export const metadata: Metadata = { title: "Accès refusé" };

export default function Forbidden() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-900">Accès refusé</h1>
      <p className="text-slate-700">
        Votre compte ne donne pas accès à cette page. Si vous pensez devoir y accéder, adressez-vous à
        l&apos;administrateur de votre organisation.
      </p>
      <p>
        <Link href={HOME_PATH}>Retour à l&apos;accueil</Link>
      </p>
    </div>
  );
}
