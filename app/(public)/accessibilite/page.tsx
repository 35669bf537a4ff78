import type { Metadata } from "next";
import { ProsePage } from "@/components/layout/prose-page";
import { supportContacts } from "@/lib/support-contacts";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };
export const dynamic = "force-dynamic";

export default function AccessibilityPage() {
  const contacts = supportContacts();
  return (
    <ProsePage
      title="Déclaration d'accessibilité"
      intro="Le Portail e-services s'engage à rendre son service accessible, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005, selon le référentiel général d'amélioration de l'accessibilité (RGAA 4.1)."
    >
      <h2>État de conformité</h2>
      <p>
        Le portail est <strong>non conforme</strong> au RGAA 4.1 : aucun audit de conformité n&apos;a encore été
        réalisé, le taux de conformité n&apos;est donc pas mesuré.
      </p>
      <h2>Résultats des tests</h2>
      <p>
        En attendant l&apos;audit, chaque page des parcours (inscription, connexion, espace personnel, consoles,
        aide et assistance) est contrôlée automatiquement avec l&apos;outil axe-core, sur les règles WCAG 2.1 de
        niveaux A et AA, avant chaque mise en production : aucune erreur n&apos;est tolérée. Les formulaires sont vérifiés
        au clavier. Ces tests automatiques ne couvrent qu&apos;une partie des critères du RGAA.
      </p>
      <h2>Contenus non accessibles et dérogations</h2>
      <p>
        Tant que l&apos;audit n&apos;a pas eu lieu, des non-conformités peuvent subsister. Aucune dérogation pour charge
        disproportionnée n&apos;est revendiquée. Les documents PDF (courriers, exports de tableaux de bord, guide
        pratique) ne sont pas balisés pour les technologies d&apos;assistance : les informations qu&apos;ils contiennent
        sont également disponibles dans les pages du portail (l&apos;aide en ligne reprend tout le guide pratique).
      </p>
      <h2>Technologies utilisées</h2>
      <p>HTML, CSS, JavaScript (WAI-ARIA pour les listes de suggestions et les messages).</p>
      <h2>Retour d&apos;information et contact</h2>
      <p>
        Si vous ne parvenez pas à accéder à un contenu ou à un service, écrivez à{" "}
        <a href={`mailto:${contacts.email}`}>{contacts.email}</a> ou appelez le {contacts.phone} ({contacts.hours})
        : nous vous proposerons une alternative accessible.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous nous avez signalé un défaut d&apos;accessibilité sans obtenir de réponse satisfaisante, vous pouvez
        saisir le Défenseur des droits : par le formulaire de contact de son site internet, auprès de l&apos;un de
        ses délégués dans votre région, ou par courrier gratuit, sans affranchissement, à l&apos;adresse : Défenseur
        des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
      </p>
    </ProsePage>
  );
}
