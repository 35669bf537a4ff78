// Sent when an account is deactivated by the portal (inactivity, LIFE-2) or by the
// administrator's decision (invalidation or refusal, ADM-2). The wording depends on the
// reason; in every case the former e-service permissions are gone and are never given
// back silently (LIFE-4).
import { formatParisDateTime } from "../format";
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export type AccountDeactivatedReason = "INACTIVITY" | "INVALIDATED" | "REFUSED";

export interface AccountDeactivatedEmailData {
  identifier: string;
  /** Null for a portal operator, who belongs to no organisation. */
  organisationName: string | null;
  reason: AccountDeactivatedReason;
  deactivatedAt: Date;
  /** The administrator's explanation, quoted as written (INVALIDATED, REFUSED). */
  note?: string | null;
  /** Whom to turn to, e.g. "Adressez-vous à Mme Martin, administratrice de votre organisation." */
  contactHint?: string | null;
  /**
   * The page asking for a new activation link (/activation/renvoyer), for accounts that
   * their owner may reactivate themselves (INACTIVITY). Omitted otherwise.
   */
  reactivationUrl?: string | null;
}

export function accountDeactivatedSubject(data: AccountDeactivatedEmailData): string {
  switch (data.reason) {
    case "INACTIVITY":
      return "Votre compte a été désactivé faute de connexion";
    case "INVALIDATED":
      return "Votre compte a été désactivé par l'administrateur de votre organisation";
    case "REFUSED":
      return "Votre demande de compte n'a pas été acceptée";
  }
}

const HEADINGS: Record<AccountDeactivatedReason, string> = {
  INACTIVITY: "Votre compte a été désactivé",
  INVALIDATED: "Votre compte a été désactivé",
  REFUSED: "Votre demande de compte a été refusée",
};

export function AccountDeactivatedEmail({ support, ...data }: AccountDeactivatedEmailData & CommonEmailProps) {
  const when = `${formatParisDateTime(data.deactivatedAt)} (heure de Paris)`;
  const note = data.note?.trim();
  const contactHint = data.contactHint?.trim();
  return (
    <EmailLayout preview={accountDeactivatedSubject(data)} heading={HEADINGS[data.reason]} support={support}>
      <Paragraph>Bonjour,</Paragraph>
      {data.reason === "INACTIVITY" ? (
        <Paragraph>
          Personne ne s&apos;était connecté au compte ci-dessous depuis 16 mois : comme annoncé par un précédent message, il
          a été désactivé le {when}. Il n&apos;est plus possible de s&apos;y connecter.
        </Paragraph>
      ) : data.reason === "INVALIDATED" ? (
        <Paragraph>
          L&apos;administrateur de votre organisation a désactivé le compte ci-dessous le {when}. Il n&apos;est plus
          possible de s&apos;y connecter.
        </Paragraph>
      ) : (
        <Paragraph>
          L&apos;administrateur de votre organisation n&apos;a pas validé la création du compte ci-dessous (décision du{" "}
          {when}). Ce compte ne peut pas être utilisé.
        </Paragraph>
      )}
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      {note ? <Paragraph>Motif indiqué par l&apos;administrateur : « {note} »</Paragraph> : null}
      {data.reason === "REFUSED" ? null : (
        <Paragraph>
          Les accès aux e-services qui vous étaient attribués ont été retirés. Si le compte est réactivé, ils ne seront
          pas rétablis automatiquement : l&apos;administrateur de votre organisation devra vous les attribuer à nouveau.
        </Paragraph>
      )}
      {data.reason === "INACTIVITY" ? (
        <Paragraph>
          Vous avez encore besoin de ce compte ? Demandez un nouveau lien d&apos;activation : en le suivant, vous
          retrouverez votre compte avec le même identifiant.
        </Paragraph>
      ) : data.reason === "INVALIDATED" ? (
        <Paragraph>
          Vous pensez qu&apos;il s&apos;agit d&apos;une erreur ? Seul l&apos;administrateur de votre organisation peut
          réactiver ce compte : rapprochez-vous de lui.
        </Paragraph>
      ) : (
        <Paragraph>
          Vous pensez qu&apos;il s&apos;agit d&apos;une erreur ? Rapprochez-vous de l&apos;administrateur de votre
          organisation avant de vous inscrire à nouveau.
        </Paragraph>
      )}
      {contactHint ? <Paragraph>{contactHint}</Paragraph> : null}
      {data.reactivationUrl ? (
        <ActionLink href={data.reactivationUrl} label="Recevoir un nouveau lien d'activation" caption="Page de réactivation" />
      ) : null}
    </EmailLayout>
  );
}
