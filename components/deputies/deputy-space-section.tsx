// Mon espace's part of deputies and continuity (DEP-1, DEP-2), self-contained: it reads the
// viewer's own designation and shows the answer buttons; when the organisation is left with
// nobody to run it, it says what to do. Renders nothing for everybody else.
import { formatDate } from "@/lib/calendar";
import { deNom } from "@/lib/french/names";
import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import { ownDeputyship } from "@/lib/deputies/queries";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { AnswerDesignationForm } from "./deputy-forms";


export async function DeputySpaceSection({ viewer }: { viewer: Viewer }) {
  const state = await ownDeputyship(viewer);
  if (!state || state.role !== "USER") return null;
  const { deputy } = state;
  const ofOrganisation = deNom({ name: state.organisationName, typeLiaison: viewer.organisationTypeLiaison });

  if (deputy) {
    const by = deputy.designatedBy ? `${deputy.designatedBy.firstName} ${deputy.designatedBy.lastName}` : "L'administrateur";
    return (
      <Section id="suppleance" title="Administrateur suppléant">
        {deputy.status === "PENDING" ? (
          <p>
            {by} vous a désigné le {formatDate(deputy.designatedAt)} administrateur suppléant {ofOrganisation}.
            Un suppléant valide, refuse et désactive les comptes, attribue et retire les e-services, importe des comptes
            et consulte le journal ; les abonnements et le choix des suppléants restent à l&apos;administrateur. Rien ne
            change tant que vous n&apos;avez pas accepté.
          </p>
        ) : (
          <>
            <p>
              Vous êtes administrateur suppléant {ofOrganisation} depuis le{" "}
              {formatDate(deputy.acceptedAt ?? deputy.designatedAt)}.{" "}
              <Link href="/administration">Ouvrir la console d&apos;administration</Link>
            </p>
            {!state.administratorActive ? (
              <Alert kind="warning" title="Votre organisation n'a plus d'administrateur actif">
                <p>
                  Vous continuez à administrer l&apos;organisation comme suppléant. Pour qu&apos;elle ait de nouveau un
                  administrateur (abonnements, choix des suppléants),{" "}
                  {state.requestPending
                    ? "une demande est déjà en cours auprès du représentant légal."
                    : "demandez le rôle avec le bouton « Devenir administrateur » de votre espace : un courrier sera envoyé au représentant légal, qui confirmera avec le code qu'il contient."}
                </p>
              </Alert>
            ) : null}
          </>
        )}
        <AnswerDesignationForm pending={deputy.status === "PENDING"} />
      </Section>
    );
  }

  if (state.unmanaged) {
    return (
      <Section id="suppleance" title="Votre organisation n'a plus d'administrateur">
        <Alert kind="warning">
          <p>
            Personne n&apos;administre plus {state.organisationName} sur le portail : ni administrateur actif, ni suppléant.
            Les inscriptions de vos collègues attendent donc sans pouvoir être validées.{" "}
            {state.requestPending
              ? "Une demande pour devenir administrateur est déjà en cours auprès du représentant légal."
              : "Demandez le rôle avec le bouton « Devenir administrateur » de votre espace : le représentant légal le confirmera avec le code du courrier qu'il recevra."}
          </p>
        </Alert>
      </Section>
    );
  }
  return null;
}
