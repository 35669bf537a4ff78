// An operator closed an assistance request (HELP-2, issue 15 item 6): the requester learns it
// by e-mail rather than by finding the reply form gone, with the link to read the exchange
// and what to do if the problem comes back (a closed request takes no more replies).
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export interface TicketClosedEmailData {
  number: string;
  /** The requester's account when the request was made signed in (MAIL-3: identifier in every e-mail). */
  identifier: string | null;
  /** The organisation the request is about, when given. */
  organisationName: string | null;
  followUrl: string;
  /** The help centre, where a new request starts. */
  helpUrl: string;
}

export function ticketClosedSubject(data: TicketClosedEmailData): string {
  return `Votre demande d'assistance ${data.number} est close`;
}

export function TicketClosedEmail({ support, ...data }: TicketClosedEmailData & CommonEmailProps) {
  return (
    <EmailLayout preview={`Un opérateur du portail a clos votre demande ${data.number}.`} heading={`Demande n° ${data.number} close`} support={support}>
      <Paragraph>Bonjour,</Paragraph>
      {data.identifier ? (
        <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      ) : data.organisationName ? (
        <Paragraph>Organisation : {data.organisationName}</Paragraph>
      ) : null}
      <Paragraph>
        Un opérateur du portail a clos votre demande d&apos;assistance n° {data.number} : il la considère comme traitée.
        Vous pouvez relire l&apos;échange depuis la page de suivi.
      </Paragraph>
      <ActionLink href={data.followUrl} label="Relire ma demande" caption="Lien de suivi de la demande" />
      <Paragraph>
        Une demande close ne reçoit plus de réponse. Si le problème persiste ou revient, faites une nouvelle demande
        depuis le centre d&apos;aide ({data.helpUrl}) en indiquant le numéro {data.number}.
      </Paragraph>
    </EmailLayout>
  );
}
