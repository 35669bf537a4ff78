// Sent to the support address (SUPPORT_EMAIL) when a requester replies to a request, if the
// portal is configured to (SUPPORT_REPLY_ALERTS=1; issue 15 item 6): operators need not watch
// the desk to learn that someone is waiting again. The requester's text is not quoted: anyone
// holding a follow link may write it, and the desk shows it to signed-in operators.
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export interface TicketReplyAlertEmailData {
  number: string;
  /** The requester's account when the request was made signed in. */
  identifier: string | null;
  organisationName: string | null;
  categoryLabel: string;
  /** The ticket on the operators' desk (sign-in required). */
  deskUrl: string;
}

export function ticketReplyAlertSubject(data: TicketReplyAlertEmailData): string {
  return `Nouvelle réponse du demandeur : demande ${data.number}`;
}

export function TicketReplyAlertEmail({ support, ...data }: TicketReplyAlertEmailData & CommonEmailProps) {
  return (
    <EmailLayout preview={`Le demandeur a répondu : la demande ${data.number} attend un opérateur.`} heading={`Demande n° ${data.number} : nouvelle réponse`} support={support}>
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        Le demandeur a écrit un nouveau message dans la demande d&apos;assistance n° {data.number} ({data.categoryLabel}) :
        elle attend de nouveau la réponse d&apos;un opérateur.
      </Paragraph>
      {data.identifier ? (
        <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      ) : data.organisationName ? (
        <Paragraph>Organisation indiquée : {data.organisationName}</Paragraph>
      ) : null}
      <ActionLink href={data.deskUrl} label="Ouvrir la demande dans la console" caption="Demande dans la console opérateur (connexion requise)" />
    </EmailLayout>
  );
}
