// The acknowledgement of an assistance request (HELP-2): its number and the private link to
// follow it and reply. The link is the only way in for someone not signed in. What the sender
// typed is quoted only when the address is the signed-in sender's own: anything else would let
// anyone send a portal-branded e-mail with a text of their choosing to any address.
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export interface TicketReceivedEmailData {
  /** e.g. "A-2026-000123" */
  number: string;
  /** The requester's account when the request was made signed in (MAIL-3: identifier in every e-mail). */
  identifier: string | null;
  /** The organisation the request is about, when given. */
  organisationName: string | null;
  categoryLabel: string;
  /** The message as written, quoted back; null when the address is not the signed-in sender's own. */
  message: string | null;
  /** e.g. "Tableau de bord : Portail — période : 30 derniers jours" (DASH-5). */
  contextLine?: string | null;
  followUrl: string;
}

export function ticketReceivedSubject(data: TicketReceivedEmailData): string {
  return `Demande d'assistance ${data.number} enregistrée`;
}

export function TicketReceivedEmail({ support, ...data }: TicketReceivedEmailData & CommonEmailProps) {
  return (
    <EmailLayout
      preview={`Votre demande ${data.number} est enregistrée : un opérateur du portail vous répondra.`}
      heading={`Demande n° ${data.number} enregistrée`}
      support={support}
    >
      <Paragraph>Bonjour,</Paragraph>
      {data.identifier ? (
        <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      ) : data.organisationName ? (
        <Paragraph>Organisation : {data.organisationName}</Paragraph>
      ) : null}
      <Paragraph>
        Nous avons bien reçu votre demande d&apos;assistance, catégorie « {data.categoryLabel} ». Son numéro est{" "}
        <strong>{data.number}</strong> : rappelez-le si vous nous contactez à son sujet.
      </Paragraph>
      {data.contextLine ? <Paragraph>{data.contextLine}</Paragraph> : null}
      {data.message === null ? (
        <Paragraph>
          Pour votre sécurité, ce courriel ne reprend pas le contenu de la demande : vous le retrouverez depuis le lien
          de suivi ci-dessous. Si vous n&apos;avez fait aucune demande d&apos;assistance, ignorez ce courriel.
        </Paragraph>
      ) : (
        <Paragraph>Votre message : « {data.message} »</Paragraph>
      )}
      <Paragraph>
        Un opérateur du portail vous répondra par courriel. Vous pouvez aussi suivre votre demande et y ajouter des
        précisions depuis le lien ci-dessous, qui vous est personnel : ne le transmettez pas.
      </Paragraph>
      <ActionLink href={data.followUrl} label="Suivre ma demande" caption="Lien de suivi de la demande" />
    </EmailLayout>
  );
}
