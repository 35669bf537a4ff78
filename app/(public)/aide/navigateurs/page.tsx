import type { Metadata } from "next";
import Link from "next/link";
import { AssistanceSection } from "@/components/help/assistance-section";
import { ProsePage } from "@/components/layout/prose-page";
import { currentViewer } from "@/lib/auth/viewer";
import { assistanceDefaults } from "@/lib/support/queries";

export const metadata: Metadata = { title: "Navigateurs pris en charge" };

export default async function BrowsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await currentViewer();
  const defaults = await assistanceDefaults(viewer, await searchParams);
  return (
    <div className="space-y-10">
      <ProsePage
        title="Navigateurs pris en charge"
        intro="Le portail fonctionne avec les navigateurs courants, à condition qu'ils soient à jour : les mises à jour corrigent aussi des failles de sécurité."
      >
        <h2>Navigateurs testés</h2>
        <ul>
          <li>Mozilla Firefox, dans sa dernière version ou sa version ESR en cours ;</li>
          <li>Google Chrome et Chromium, dans leur dernière version ;</li>
          <li>Microsoft Edge, dans sa dernière version ;</li>
          <li>Apple Safari, sur macOS, iPhone et iPad, dans la version livrée avec le système à jour.</li>
        </ul>
        <p>
          Internet Explorer n&apos;est plus maintenu par son éditeur : le portail ne le prend pas en charge. Utilisez Edge,
          installé avec Windows, à sa place.
        </p>
        <h2>Réglages nécessaires</h2>
        <ul>
          <li>JavaScript activé, pour la recherche d&apos;organisation, l&apos;aide à la saisie du mot de passe et les tableaux de bord ;</li>
          <li>
            les cookies de ce site acceptés : le portail n&apos;en dépose que pour la connexion et la sécurité des
            formulaires (voir la page <Link href="/cookies">Cookies</Link>) ;
          </li>
          <li>les téléchargements autorisés, pour les exports PDF et le guide pratique.</li>
        </ul>
        <h2>Si une page s&apos;affiche mal</h2>
        <p>
          Mettez votre navigateur à jour, rechargez la page, puis essayez dans une fenêtre de navigation privée : si le
          problème disparaît, une extension du navigateur en est souvent la cause. Sinon, décrivez-le-nous avec le nom et
          la version de votre navigateur dans le formulaire ci-dessous.
        </p>
      </ProsePage>
      <AssistanceSection defaults={defaults} />
    </div>
  );
}
