import type { Metadata } from "next";
import { EmailChangeForm } from "@/components/space/space-forms";
import { SpacePage } from "@/components/space/space-page";
import { personalSpace } from "@/lib/accounts/queries";
import { requireViewer } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Mon adresse électronique" };

/** ACC-9: the new address replaces the old one only once verified; the old one is told. */
export default async function EmailAddressPage() {
  const viewer = await requireViewer("/espace/adresse");
  const space = await personalSpace(viewer);
  return (
    <SpacePage title="Mon adresse électronique" intro="Le portail vous écrit à cette adresse : liens d'activation, décisions, réponses de l'assistance.">
      <p>
        Adresse actuelle : <strong className="break-all">{space.email}</strong>
      </p>
      {space.pendingEmail ? (
        <p className="text-sm text-slate-700">
          Changement en attente vers <span className="break-all">{space.pendingEmail}</span> : cliquez sur le lien reçu à
          cette adresse pour le confirmer.
        </p>
      ) : null}
      <EmailChangeForm />
    </SpacePage>
  );
}
