import Link from "next/link";

const LINKS = [
  { href: "/aide", label: "Aide" },
  { href: "/accessibilite", label: "Accessibilité : non conforme" },
  { href: "/cookies", label: "Cookies" },
  { href: "/donnees-personnelles", label: "Données personnelles" },
  { href: "/mentions-legales", label: "Mentions légales" },
];

export function SiteFooter() {
  return (
    <footer className="mt-auto border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-6 text-sm sm:flex-row sm:items-center sm:justify-between">
        <p className="text-slate-700">Portail e-services : les services en ligne des organisations publiques.</p>
        <nav aria-label="Pied de page">
          <ul className="flex flex-wrap gap-x-5 gap-y-2">
            {LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
