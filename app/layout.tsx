import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { EnrolmentBanner } from "@/components/mfa/enrolment-banner";
import { currentViewer } from "@/lib/auth/viewer";
import { inter } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Portail e-services", template: "%s – Portail e-services" },
  description:
    "Le portail qui donne aux agents des collectivités et des organismes publics l'accès aux e-services de leur organisation.",
  // The files of public/: the favicon (ICO for old browsers, SVG for the others), the icon of
  // iOS home screens, the web manifest (French name, theme colour, icons).
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/favicon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await currentViewer();
  return (
    <html lang="fr" className={inter.variable}>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
        >
          Aller au contenu
        </a>
        <SiteHeader viewer={viewer} />
        {viewer?.secondFactor.deadline ? <EnrolmentBanner deadline={viewer.secondFactor.deadline} /> : null}
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
