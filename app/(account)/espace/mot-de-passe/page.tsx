import type { Metadata } from "next";
import { PasswordChangeForm } from "@/components/space/space-forms";
import { SpacePage } from "@/components/space/space-page";
import { personalSpace } from "@/lib/accounts/queries";
import { requireViewer } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Mon mot de passe" };

/** ACC-9, ACC-10: the current password is asked; every other session ends. */
export default async function PasswordPage() {
  const viewer = await requireViewer("/espace/mot-de-passe");
  const space = await personalSpace(viewer);
  return (
    <SpacePage title="Mon mot de passe" intro="Après le changement, vos autres sessions sont fermées : cet appareil reste connecté.">
      <PasswordChangeForm context={{ firstName: space.firstName, lastName: space.lastName, identifier: space.identifier, email: space.email }} />
    </SpacePage>
  );
}
