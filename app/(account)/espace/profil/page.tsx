import type { Metadata } from "next";
import { ProfileForm } from "@/components/space/space-forms";
import { SpacePage } from "@/components/space/space-page";
import { personalSpace } from "@/lib/accounts/queries";
import { requireViewer } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Mon profil" };

/** ACC-9: civility, names, phone, job title; the identifier never follows the name (ACC-2). */
export default async function ProfilePage() {
  const viewer = await requireViewer("/espace/profil");
  const space = await personalSpace(viewer);
  return (
    <SpacePage title="Mon profil" intro="Votre identifiant ne change pas si vous modifiez votre nom.">
      <ProfileForm
        profile={{
          civility: space.civility,
          firstName: space.firstName,
          lastName: space.lastName,
          phone: space.phone ?? "",
          jobTitle: space.jobTitle ?? "",
        }}
      />
    </SpacePage>
  );
}
