// Forgotten identifier (ACC-8): every account using this address, with its organisation.
import { Fragment } from "react";
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export interface IdentifierReminderAccount {
  identifier: string;
  /** Null for a portal operator, who belongs to no organisation. */
  organisationName: string | null;
}

export interface IdentifierReminderEmailData {
  /** Every account using this address; at least one. */
  accounts: IdentifierReminderAccount[];
  loginUrl: string;
}

export function identifierReminderSubject(data: IdentifierReminderEmailData): string {
  return data.accounts.length > 1 ? "Vos identifiants de connexion" : "Votre identifiant de connexion";
}

export function IdentifierReminderEmail({ support, ...data }: IdentifierReminderEmailData & CommonEmailProps) {
  const several = data.accounts.length > 1;
  return (
    <EmailLayout
      preview={several ? "Les identifiants des comptes liés à cette adresse." : "L'identifiant de votre compte."}
      heading={several ? "Vos identifiants de connexion" : "Votre identifiant de connexion"}
      support={support}
    >
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        {several
          ? `Vous avez demandé à retrouver votre identifiant. Cette adresse électronique est utilisée par ${data.accounts.length} comptes du Portail e-services, un par organisation :`
          : "Vous avez demandé à retrouver votre identifiant. Voici le compte du Portail e-services qui utilise cette adresse électronique :"}
      </Paragraph>
      {data.accounts.map((account) => (
        <Fragment key={account.identifier}>
          <AccountDetails identifier={account.identifier} organisationName={account.organisationName} />
        </Fragment>
      ))}
      <ActionLink href={data.loginUrl} label="Me connecter" caption="Page de connexion" />
      <Paragraph>
        Vous avez aussi oublié votre mot de passe ? Sur la page de connexion, suivez le lien « Mot de passe oublié »
        pour en choisir un nouveau.
      </Paragraph>
      <Paragraph>Vous n&apos;êtes pas à l&apos;origine de cette demande ? Vous pouvez ignorer ce message.</Paragraph>
    </EmailLayout>
  );
}
