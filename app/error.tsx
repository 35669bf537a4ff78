"use client";

import Link from "next/link";
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="space-y-4" role="alert">
      <h1 className="text-3xl font-bold text-brand-900">Une erreur est survenue</h1>
      <p className="text-slate-700">
        Le portail n&apos;a pas pu afficher cette page. Rien n&apos;a été enregistré à moitié : vous pouvez réessayer.
      </p>
      {error.digest ? (
        <p className="text-sm text-slate-600">
          Référence de l&apos;erreur à communiquer à l&apos;assistance : <code>{error.digest}</code>
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          Réessayer
        </button>
        <Link href="/" className="rounded border border-brand-700 px-4 py-2 font-semibold no-underline">
          Retour à l&apos;accueil
        </Link>
      </div>
    </div>
  );
}
