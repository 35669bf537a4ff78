// Every step of a deputy administrator's designation and of the organisation's continuity
// (DEP-1, DEP-2), in one template: what happened is `event`, told to the person concerned.
// `identifier` is always the recipient's own account.
import { deNom } from "../../french/names";
import { formatParisDateTime } from "../format";
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export type DeputyNoticeEvent =
  /** To the person designated: accept or decline from Mon espace. */
  | "designated"
  /** To the administrator: the person accepted, declined, renounced the role. */
  | "accepted"
  | "declined"
  | "resigned"
  /** To the deputy: the administrator withdrew the role. */
  | "removed"
  /** To the administrator: a deputy's account was deactivated, which ends the role. */
  | "ended"
  /** To each deputy: the administrator's account was deactivated or closed (DEP-2). */
  | "administrator_gone"
  /** To each deputy: the administrator's account will soon be deactivated for inactivity (DEP-2). */
  | "administrator_inactive";

export interface DeputyNoticeEmailData {
  event: DeputyNoticeEvent;
  identifier: string;
  organisationName: string;
  /** How the organisation's name takes its article (lib/french/names.ts). */
  organisationTypeLiaison?: number | null;
  /** The other person of the story: the deputy (to the administrator) or the administrator (to the deputy). */
  otherPersonName: string;
  /** For administrator_inactive: when the administrator's account will be deactivated. */
  deactivationAt?: Date;
  /** Where to act: Mon espace, or the console's deputies page. */
  url: string;
}

/** « de Saint-Étienne », « du Havre », « d'Annecy ». */
const of = (data: DeputyNoticeEmailData) => deNom({ name: data.organisationName, typeLiaison: data.organisationTypeLiaison });

const SUBJECTS: Record<DeputyNoticeEvent, (data: DeputyNoticeEmailData) => string> = {
  designated: (data) => `Vous êtes désigné administrateur suppléant ${of(data)}`,
  accepted: (data) => `${data.otherPersonName} a accepté d'être suppléant`,
  declined: (data) => `${data.otherPersonName} a décliné le rôle de suppléant`,
  resigned: (data) => `${data.otherPersonName} a renoncé au rôle de suppléant`,
  removed: (data) => `Vous n'êtes plus administrateur suppléant ${of(data)}`,
  ended: (data) => `${data.otherPersonName} n'est plus suppléant`,
  administrator_gone: (data) => `${data.organisationName} n'a plus d'administrateur actif`,
  administrator_inactive: (data) => `Le compte de l'administrateur ${of(data)} sera bientôt désactivé`,
};

export function deputyNoticeSubject(data: DeputyNoticeEmailData): string {
  return SUBJECTS[data.event](data);
}

const DEPUTY_POWERS =
  "Un suppléant valide, refuse et désactive les comptes, attribue et retire les e-services, importe des comptes et " +
  "consulte le journal. Les abonnements de l'organisation et le choix des suppléants restent à l'administrateur.";

function Body({ data }: { data: DeputyNoticeEmailData }) {
  const other = data.otherPersonName;
  switch (data.event) {
    case "designated":
      return (
        <>
          <Paragraph>
            {other}, administrateur {of(data)}, vous a désigné administrateur suppléant sur le Portail
            e-services. {DEPUTY_POWERS}
          </Paragraph>
          <Paragraph>Rien ne change tant que vous n&apos;avez pas accepté : acceptez ou déclinez depuis votre espace.</Paragraph>
        </>
      );
    case "accepted":
      return <Paragraph>{other} a accepté d&apos;être administrateur suppléant {of(data)}. {DEPUTY_POWERS}</Paragraph>;
    case "declined":
      return <Paragraph>{other} a décliné le rôle d&apos;administrateur suppléant {of(data)}. Vous pouvez désigner une autre personne.</Paragraph>;
    case "resigned":
      return <Paragraph>{other} a renoncé au rôle d&apos;administrateur suppléant {of(data)}. Vous pouvez désigner une autre personne.</Paragraph>;
    case "removed":
      return (
        <Paragraph>
          {other}, administrateur {of(data)}, vous a retiré le rôle d&apos;administrateur suppléant. Votre
          compte reste actif, avec les e-services qui vous sont attribués.
        </Paragraph>
      );
    case "ended":
      return (
        <Paragraph>
          Le compte de {other} a été désactivé : cette personne n&apos;est plus administrateur suppléant{" "}
          {of(data)}. Vous pouvez désigner une autre personne.
        </Paragraph>
      );
    case "administrator_gone":
      return (
        <>
          <Paragraph>
            Le compte de {other}, administrateur {of(data)}, a été désactivé ou fermé. En tant
            qu&apos;administrateur suppléant, vous continuez à valider les comptes et à attribuer les e-services : rien ne
            s&apos;arrête pour vos collègues.
          </Paragraph>
          <Paragraph>
            Pour que l&apos;organisation ait de nouveau un administrateur (abonnements, choix des suppléants), l&apos;un des
            suppléants peut demander le rôle depuis son espace : un courrier sera envoyé au représentant légal, qui
            confirmera avec le code qu&apos;il contient.
          </Paragraph>
        </>
      );
    case "administrator_inactive":
      return (
        <>
          <Paragraph>
            {other}, administrateur {of(data)}, ne s&apos;est pas connecté depuis 15 mois. Sans connexion
            de sa part, son compte sera désactivé le{" "}
            {data.deactivationAt ? `${formatParisDateTime(data.deactivationAt)} (heure de Paris)` : "mois prochain"}.
          </Paragraph>
          <Paragraph>
            Prévenez-le s&apos;il est toujours en poste. Sinon, vous continuerez à administrer l&apos;organisation comme
            suppléant, et vous pourrez demander le rôle d&apos;administrateur depuis votre espace.
          </Paragraph>
        </>
      );
  }
}

const LINK_LABELS: Record<DeputyNoticeEvent, string> = {
  designated: "Répondre depuis mon espace",
  accepted: "Voir les suppléants",
  declined: "Voir les suppléants",
  resigned: "Voir les suppléants",
  removed: "Ouvrir mon espace",
  ended: "Voir les suppléants",
  administrator_gone: "Ouvrir mon espace",
  administrator_inactive: "Ouvrir mon espace",
};

export function DeputyNoticeEmail({ support, ...data }: DeputyNoticeEmailData & CommonEmailProps) {
  const subject = deputyNoticeSubject(data);
  return (
    <EmailLayout preview={subject} heading={subject} support={support}>
      <Paragraph>Bonjour,</Paragraph>
      <Body data={data} />
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      <ActionLink href={data.url} label={LINK_LABELS[data.event]} caption={LINK_LABELS[data.event].startsWith("Voir") ? "Suppléants" : "Mon espace"} />
    </EmailLayout>
  );
}
