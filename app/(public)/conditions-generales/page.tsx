import type { Metadata } from "next";
import { ProsePage } from "@/components/layout/prose-page";

export const metadata: Metadata = { title: "Conditions générales d'utilisation" };

export default function TermsPage() {
  return (
    <ProsePage title="Conditions générales d'utilisation">
      <h2>Objet</h2>
      <p>
        Le portail donne aux agents d&apos;une organisation un accès personnel aux e-services auxquels elle est
        abonnée. En créant un compte, vous acceptez les présentes conditions.
      </p>
      <h2>Votre compte</h2>
      <ul>
        <li>Un compte est personnel et vaut pour une seule organisation : ne partagez ni votre identifiant ni votre mot de passe.</li>
        <li>Les informations que vous donnez doivent être exactes ; vous pouvez les corriger depuis « Mon espace ».</li>
        <li>Votre compte est validé par l&apos;administrateur de votre organisation, lui-même confirmé par son représentant légal.</li>
        <li>Un compte inutilisé pendant 16 mois est désactivé, après un avertissement par courriel un mois avant.</li>
      </ul>
      <h2>Sécurité</h2>
      <p>
        Le portail ne vous demandera jamais votre mot de passe par courriel ni par téléphone, et ne vous
        l&apos;enverra jamais. Signalez à l&apos;assistance tout usage de votre compte que vous ne reconnaissez pas.
      </p>
      <h2>Vos données</h2>
      <p>
        Vos données servent à gérer votre accès et sont visibles de l&apos;administrateur de votre organisation. Vous
        pouvez les télécharger et fermer votre compte depuis « Mon espace ».
      </p>
    </ProsePage>
  );
}
