// An operator's answer to an assistance request (HELP-2), quoted in full, with the private
// link to read the whole exchange and reply.
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export interface TicketAnsweredEmailData {
  number: string;
  /** The requester's account when the request was made signed in (MAIL-3: identifier in every e-mail). */
  identifier: string | null;
  /** The organisation the request is about, when given. */
  organisationName: string | null;
  answer: string;
  followUrl: string;
}

export function ticketAnsweredSubject(data: TicketAnsweredEmailData): string {
  return `Réponse à votre demande d'assistance ${data.number}`;
}

export function TicketAnsweredEmail({ support, ...data }: TicketAnsweredEmailData & CommonEmailProps) {
  return (
    <EmailLayout
      preview={`Un opérateur du portail a répondu à votre demande ${data.number}.`}
      heading={`Réponse à la demande n° ${data.number}`}
      support={support}
    >
      <Paragraph>Bonjour,</Paragraph>
      {data.identifier ? (
        <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      ) : data.organisationName ? (
        <Paragraph>Organisation : {data.organisationName}</Paragraph>
      ) : null}
      <Paragraph>Un opérateur du portail a répondu à votre demande d&apos;assistance :</Paragraph>
      {data.answer.split(/\n{2,}/).map((paragraph, index) => (
        <Paragraph key={index}>{paragraph}</Paragraph>
      ))}
      <Paragraph>
        Si cette réponse ne règle pas votre problème, répondez depuis la page de suivi de votre demande (ce courriel
        ne reçoit pas les réponses).
      </Paragraph>
      <ActionLink href={data.followUrl} label="Voir ma demande et répondre" caption="Lien de suivi de la demande" />
    </EmailLayout>
  );
}
