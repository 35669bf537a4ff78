import type { Metadata } from "next";
import { AssistanceSection } from "@/components/help/assistance-section";
import { HelpCentre } from "@/components/help/help-centre";
import { currentViewer } from "@/lib/auth/viewer";
import { HELP_THEMES } from "@/lib/help/content";
import { assistanceDefaults } from "@/lib/support/queries";

export const metadata: Metadata = { title: "Aide" };

export default async function HelpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await currentViewer();
  const defaults = await assistanceDefaults(viewer, await searchParams);
  return (
    <div className="space-y-10">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">Aide</h1>
        <p className="max-w-3xl text-lg text-slate-700">
          Les réponses aux questions les plus fréquentes sur le portail : accès, compte, inscription, rôles, e-services et
          tableaux de bord. Si vous ne trouvez pas la vôtre, le formulaire en bas de page transmet votre demande à
          l&apos;assistance.
        </p>
        <p>
          {/* A PDF from a route handler: a plain link, no client navigation. */}
          <a href="/aide/guide" download>
            Télécharger le guide pratique (PDF)
          </a>
          {" · "}
          <a href="/aide/navigateurs">Navigateurs pris en charge</a>
        </p>
      </div>
      <HelpCentre themes={HELP_THEMES} />
      <AssistanceSection defaults={defaults} />
    </div>
  );
}
