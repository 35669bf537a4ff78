"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/administration", label: "Vue d'ensemble" },
  { href: "/administration/comptes", label: "Comptes" },
  { href: "/administration/abonnements", label: "Abonnements" },
  { href: "/administration/permissions", label: "Permissions" },
  { href: "/administration/invitations", label: "Invitations" },
  { href: "/administration/imports", label: "Imports" },
  { href: "/administration/journal", label: "Journal" },
];

export function AdministrationNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Console d'administration" className="border-b border-slate-200">
      <ul className="flex flex-wrap gap-x-6 gap-y-2 pb-2">
        {LINKS.map((link) => {
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
