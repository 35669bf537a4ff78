import type { Metadata } from "next";
import { ProsePage } from "@/components/layout/prose-page";

export const metadata: Metadata = { title: "Cookies" };

export default function CookiesPage() {
  return (
    <ProsePage
      title="Cookies"
      intro="Le portail dépose uniquement les cookies indispensables à son fonctionnement. Il ne mesure pas l'audience et n'affiche aucune publicité : il n'a donc pas besoin de vous demander votre consentement."
    >
      <h2>Les cookies déposés</h2>
      <ul>
        <li>
          <strong>Session de connexion</strong> : garde votre connexion ouverte pendant 8 heures au plus. Il est
          chiffré, inaccessible aux scripts de la page et envoyé uniquement à ce portail.
        </li>
        <li>
          <strong>Protection des formulaires</strong> : un jeton qui empêche un autre site d&apos;envoyer un formulaire
          à votre place.
        </li>
        <li>
          <strong>Retour après connexion</strong> : retient la page demandée avant la connexion pour vous y ramener.
        </li>
      </ul>
      <h2>Les supprimer</h2>
      <p>
        Vous pouvez effacer ces cookies depuis les réglages de votre navigateur, rubrique « Confidentialité » ou «
        Données de navigation ». Vous serez alors simplement déconnecté.
      </p>
    </ProsePage>
  );
}
