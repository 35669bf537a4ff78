"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// `administratorOnly`: pages that stay with the administrator, not shown to a deputy (DEP-1).
const LINKS = [
  { href: "/administration", label: "Vue d'ensemble" },
  { href: "/administration/comptes", label: "Comptes" },
  { href: "/administration/abonnements", label: "Abonnements", administratorOnly: true },
  { href: "/administration/permissions", label: "Permissions" },
  { href: "/administration/invitations", label: "Invitations" },
  { href: "/administration/imports", label: "Imports" },
  { href: "/administration/journal", label: "Journal" },
  { href: "/administration/suppleants", label: "Suppléants", administratorOnly: true },
];

export function AdministrationNav({ administrator = true }: { administrator?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Console d'administration" className="border-b border-slate-200">
      <ul className="flex flex-wrap gap-x-6 gap-y-2 pb-2">
        {LINKS.filter((link) => administrator || !link.administratorOnly).map((link) => {
          const current = link.href === "/administration" ? pathname === link.href : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={current ? "page" : undefined} className={current ? "font-semibold text-brand-900 no-underline" : undefined}>
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
