import type { Metadata } from "next";
import { ProsePage } from "@/components/layout/prose-page";
import { supportContacts } from "@/lib/support-contacts";

export const metadata: Metadata = { title: "Mentions légales" };
export const dynamic = "force-dynamic";

export default function LegalNoticePage() {
  const contacts = supportContacts();
  return (
    <ProsePage title="Mentions légales">
      <h2>Objet du portail</h2>
      <p>
        Le Portail e-services permet aux organisations publiques et associatives de donner à leurs agents un accès
        personnel aux services en ligne auxquels elles sont abonnées.
      </p>
      <h2>Données personnelles</h2>
      <p>
        Les données de votre compte (identité, coordonnées professionnelles, organisation, historique de connexion)
        servent uniquement à gérer votre accès. Depuis votre espace personnel, vous pouvez les consulter, les
        corriger, les télécharger et fermer votre compte. Un compte inutilisé pendant 16 mois est désactivé.
      </p>
      <h2>Nous contacter</h2>
      <p>
        Assistance : <a href={`mailto:${contacts.email}`}>{contacts.email}</a>, {contacts.phone}, {contacts.hours}.
      </p>
    </ProsePage>
  );
}
