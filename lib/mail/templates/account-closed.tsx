// Sent when a person closes their own account (SEC-6).
import { formatParisDateTime } from "../format";
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export interface AccountClosedEmailData {
  identifier: string;
  /** Null for a portal operator, who belongs to no organisation. */
  organisationName: string | null;
  closedAt: Date;
  /** The registration page, to come back later with a new account. */
  registrationUrl: string;
}

export function accountClosedSubject(): string {
  return "Votre compte a été clôturé";
}

export function AccountClosedEmail({ support, ...data }: AccountClosedEmailData & CommonEmailProps) {
  return (
    <EmailLayout preview="Votre compte du Portail e-services est clôturé." heading="Votre compte a été clôturé" support={support}>
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        Comme vous l&apos;avez demandé, le compte ci-dessous a été clôturé le {formatParisDateTime(data.closedAt)} (heure
        de Paris). Il n&apos;est plus possible de s&apos;y connecter, et il ne donne plus accès aux e-services.
      </Paragraph>
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      <Paragraph>
        Vous pourrez revenir quand vous le souhaitez en créant un nouveau compte. Vous n&apos;êtes pas à l&apos;origine
        de cette clôture ? Contactez l&apos;assistance en citant votre identifiant.
      </Paragraph>
      <ActionLink href={data.registrationUrl} label="Créer un nouveau compte" caption="Page d'inscription" />
    </EmailLayout>
  );
}
