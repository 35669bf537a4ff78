import type { ReactNode } from "react";
import { BackLink } from "@/components/ui/back-link";

// One sub-page of "Mon espace" (issue 16 item 5): the way back, the title, one sentence.
export function SpacePage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-2">
        <BackLink href="/espace">Retour à mon espace</BackLink>
        <h1 className="text-3xl font-bold text-brand-900">{title}</h1>
        {intro ? <p className="text-slate-700">{intro}</p> : null}
      </div>
      {children}
    </div>
  );
}

/** The sub-pages of Mon espace, in the order of its index. */
export const SPACE_PAGES = [
  { href: "/espace/profil", title: "Mon profil", summary: "Civilité, nom, téléphone, fonction." },
  { href: "/espace/adresse", title: "Mon adresse électronique", summary: "L'adresse où le portail vous écrit, et son changement." },
  { href: "/espace/mot-de-passe", title: "Mon mot de passe", summary: "Changer de mot de passe (l'actuel est demandé)." },
  { href: "/espace/securite", title: "Sécurité", summary: "Double authentification, dernières connexions, déconnexion de tous les appareils." },
  { href: "/espace/donnees", title: "Mes données", summary: "Télécharger ce que le portail conserve sur vous, fermer le compte." },
  { href: "/espace/comptes", title: "Mes autres comptes", summary: "Passer à votre compte d'une autre organisation sans vous déconnecter." },
] as const;
