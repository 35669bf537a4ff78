// Sent when a portal operator reactivates a deactivated account while handling an
// assistance request (LIFE-4). Former e-service permissions are not given back.
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";
import { deNom } from "../../french/names";

export interface AccountReactivatedBySupportEmailData {
  identifier: string;
  /** Null for an operator's account. */
  organisationName: string | null;
  /** How the name takes its article (lib/french/names.ts); absent in older messages: "de". */
  organisationTypeLiaison?: number;
  ticketNumber: string;
  loginUrl: string;
}

export function accountReactivatedBySupportSubject(): string {
  return "Votre compte est réactivé";
}

export function AccountReactivatedBySupportEmail({ support, ...data }: AccountReactivatedBySupportEmailData & CommonEmailProps) {
  return (
    <EmailLayout preview="L'assistance du portail a réactivé votre compte." heading="Votre compte est réactivé" support={support}>
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        À la suite de votre demande d&apos;assistance n° {data.ticketNumber}, un opérateur du portail a réactivé votre
        compte : vous pouvez de nouveau vous connecter avec votre mot de passe habituel.
      </Paragraph>
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      {data.organisationName ? (
        <Paragraph>
          Les e-services que vous utilisiez ne vous sont pas rendus automatiquement : demandez à l&apos;administrateur{" "}
          {deNom({ name: data.organisationName, typeLiaison: data.organisationTypeLiaison })} de vous les attribuer de nouveau.
        </Paragraph>
      ) : null}
      <Paragraph>Si vous n&apos;êtes pas à l&apos;origine de cette demande, changez votre mot de passe dès votre connexion.</Paragraph>
      <ActionLink href={data.loginUrl} label="Se connecter" caption="Page de connexion" />
    </EmailLayout>
  );
}
