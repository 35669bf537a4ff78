import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-900">Page introuvable</h1>
      <p className="text-slate-700">
        L&apos;adresse demandée n&apos;existe pas ou n&apos;existe plus. Vérifiez-la, ou repartez de l&apos;accueil.
      </p>
      <ul className="list-inside list-disc space-y-1">
        <li>
          <Link href="/">Retour à l&apos;accueil</Link>
        </li>
        <li>
          <Link href="/aide">Consulter l&apos;aide</Link>
        </li>
      </ul>
    </div>
  );
}
