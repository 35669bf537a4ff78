import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import { signOutAction } from "@/lib/auth/actions";
import { HOME_PATH } from "@/lib/auth/home-path";
import { MENU_BUTTON_ID, MENU_PANEL_ID, SiteMenu, type MenuLink } from "./site-menu";

/** The entries of the signed-in menu, by role (issue 16 item 5: "Accueil" first). */
function menuLinks(viewer: Viewer): MenuLink[] {
  return [
    { href: HOME_PATH, label: "Accueil" },
    ...(viewer.organisationId
      ? [
          { href: "/e-services", label: "Mes e-services" },
          { href: "/tableaux-de-bord", label: "Tableaux de bord" },
        ]
      : []),
    // DEP-1: an accepted deputy runs the console too.
    ...(viewer.role === "ADMINISTRATOR" || (viewer.organisationId && viewer.isDeputy) ? [{ href: "/administration", label: "Administration" }] : []),
    ...(viewer.role === "OPERATOR" ? [{ href: "/operateur", label: "Console opérateur" }] : []),
    { href: "/espace", label: "Mon espace" },
    { href: "/aide", label: "Aide" },
  ];
}

// Without JavaScript the disclosure button cannot open the menu: show the menu instead.
const NO_SCRIPT_STYLE = `@media (max-width: 63.99rem){#${MENU_PANEL_ID}{display:flex}}#${MENU_BUTTON_ID}{display:none}`;

export function SiteHeader({ viewer }: { viewer: Viewer | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto grid max-w-5xl grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-3 px-4 py-4">
        {/* A signed-in person's logo leads to their home, not to the public page with "Créer un compte". */}
        <Link href={viewer ? HOME_PATH : "/"} className="text-lg font-bold text-brand-800 no-underline hover:text-brand-900 sm:text-xl">
          Portail e-services
        </Link>
        {viewer ? (
          <>
            <noscript>
              <style>{NO_SCRIPT_STYLE}</style>
            </noscript>
            <SiteMenu links={menuLinks(viewer)}>
              <p className="text-sm leading-tight">
                <span className="block font-semibold">
                  {viewer.firstName} {viewer.lastName}
                </span>
                <span className="block text-slate-600">{viewer.organisationName ?? "Opérateur du portail"}</span>
              </p>
              {/* ORG-5: the switcher between the accounts of one address. */}
              <Link href="/espace/comptes" className="text-sm font-medium">
                Changer de compte
              </Link>
              <form action={signOutAction}>
                <button
                  type="submit"
                  className="rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  Se déconnecter
                </button>
              </form>
            </SiteMenu>
          </>
        ) : (
          <nav aria-label="Compte" className="flex flex-wrap items-center justify-end gap-4">
            <Link href="/aide" className="text-sm font-medium">
              Aide
            </Link>
            <Link
              href="/connexion"
              className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
            >
              Se connecter
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}
