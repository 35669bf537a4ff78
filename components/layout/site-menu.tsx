"use client";

// The signed-in header's menu (issue 16 items 8 and 9). On narrow screens (phones, 200 %
// zoom) it collapses behind a disclosure button (aria-expanded, aria-controls; Escape closes
// it and gives focus back to the button); from the lg breakpoint it is always shown. Without
// JavaScript the header's <noscript> style shows it open. The current entry carries
// aria-current="page".
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface MenuLink {
  href: string;
  label: string;
}

export const MENU_PANEL_ID = "menu-principal";
export const MENU_BUTTON_ID = "bouton-menu";

/** Whether `href` is the page shown or one of its sub-pages ("/accueil" and "/administration" only themselves… and theirs). */
export function isCurrentPath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function SiteMenu({ links, children }: { links: MenuLink[]; children: ReactNode }) {
  const pathname = usePathname();
  // The menu is open for the page it was opened on: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      setOpenOn(null);
      button.current?.focus();
    }
  };

  return (
    <>
      <button
        ref={button}
        id={MENU_BUTTON_ID}
        type="button"
        aria-expanded={open}
        aria-controls={MENU_PANEL_ID}
        onClick={() => setOpenOn(open ? null : pathname)}
        onKeyDown={onKeyDown}
        className="inline-flex items-center gap-2 justify-self-end rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 lg:hidden"
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? <path d="M6 6l12 12M18 6L6 18" strokeLinecap="round" /> : <path d="M4 7h16M4 12h16M4 17h16" strokeLinecap="round" />}
        </svg>
        Menu
      </button>
      <div
        id={MENU_PANEL_ID}
        onKeyDown={onKeyDown}
        className={`${open ? "flex" : "hidden"} col-span-2 flex-col gap-4 border-t border-slate-200 pt-3 lg:contents`}
      >
        <nav aria-label="Menu principal" className="lg:col-span-2 lg:row-start-2">
          <ul className="flex flex-col gap-1 lg:flex-row lg:flex-wrap lg:gap-x-6">
            {links.map((link) => {
              const current = isCurrentPath(pathname, link.href);
              return (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={current ? "page" : undefined}
                    className={`block py-1.5 text-sm font-medium lg:py-0 ${current ? "font-semibold text-brand-900 decoration-2" : "no-underline hover:underline"}`}
                  >
                    {link.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 lg:col-start-2 lg:row-start-1 lg:justify-end">{children}</div>
      </div>
    </>
  );
}
