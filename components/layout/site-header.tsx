import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import { signOutAction } from "@/lib/auth/actions";

export function SiteHeader({ viewer }: { viewer: Viewer | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link href="/" className="text-xl font-bold text-brand-800 no-underline hover:text-brand-900">
          Portail e-services
        </Link>
        <nav aria-label="Compte" className="flex flex-wrap items-center gap-4">
          <Link href="/aide" className="text-sm font-medium">
            Aide
          </Link>
          {viewer ? (
            <>
              <p className="text-sm leading-tight">
                <span className="block font-semibold">
                  {viewer.firstName} {viewer.lastName}
                </span>
                <span className="block text-slate-600">{viewer.organisationName ?? "Opérateur du portail"}</span>
              </p>
              {viewer.role === "OPERATOR" ? (
                <Link href="/operateur" className="text-sm font-medium">
                  Console opérateur
                </Link>
              ) : null}
              {viewer.organisationId ? (
                <Link href="/e-services" className="text-sm font-medium">
                  Mes e-services
                </Link>
              ) : null}
              {viewer.organisationId ? (
                <Link href="/tableaux-de-bord" className="text-sm font-medium">
                  Tableaux de bord
                </Link>
              ) : null}
              {viewer.role === "ADMINISTRATOR" || (viewer.organisationId && viewer.isDeputy) ? (
                <Link href="/administration" className="text-sm font-medium">
                  Administration
                </Link>
              ) : null}
              <Link href="/espace" className="text-sm font-medium">
                Mon espace
              </Link>
              <form action={signOutAction}>
                <button
                  type="submit"
                  className="rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  Se déconnecter
                </button>
              </form>
            </>
          ) : (
            <Link
              href="/connexion"
              className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
            >
              Se connecter
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
