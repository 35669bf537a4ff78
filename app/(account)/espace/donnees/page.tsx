import type { Metadata } from "next";
import Link from "next/link";
import { CloseAccountForm } from "@/components/space/space-forms";
import { SpacePage } from "@/components/space/space-page";
import { Section } from "@/components/ui/section";
import { requireViewer } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Mes données" };

/** SEC-6: download what the portal holds about the account, close it. */
export default async function MyDataPage() {
  const viewer = await requireViewer("/espace/donnees");
  return (
    <SpacePage title="Mes données" intro="Ce que le portail conserve sur votre compte vous appartient : vous pouvez le télécharger, ou fermer le compte.">
      <Section id="telechargement" title="Télécharger mes données">
        <p>
          Identité, organisation, e-services, connexions, événements : tout ce que le portail conserve sur votre compte, dans
          un fichier JSON.
        </p>
        <p>
          <Link href="/espace/mes-donnees" prefetch={false} download>
            Télécharger mes données (JSON)
          </Link>
        </p>
      </Section>
      <Section id="fermeture" title="Fermer mon compte">
        <p>La fermeture est immédiate : vous ne pourrez plus vous connecter et vos accès aux e-services sont retirés.</p>
        <CloseAccountForm isAdministrator={viewer.role === "ADMINISTRATOR"} />
      </Section>
    </SpacePage>
  );
}
