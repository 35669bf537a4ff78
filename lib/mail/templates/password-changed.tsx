// Sent after a password change or reset (ACC-9, ACC-10), so that its owner notices a change
// they did not make.
import { formatParisDateTime } from "../format";
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export interface PasswordChangedEmailData {
  identifier: string;
  /** Null for a portal operator, who belongs to no organisation. */
  organisationName: string | null;
  changedAt: Date;
  /** The "Mot de passe oublié" page, for someone whose password was changed by another. */
  forgottenPasswordUrl: string;
}

export function passwordChangedSubject(): string {
  return "Le mot de passe de votre compte a été modifié";
}

export function PasswordChangedEmail({ support, ...data }: PasswordChangedEmailData & CommonEmailProps) {
  return (
    <EmailLayout
      preview="Le mot de passe de votre compte vient d'être modifié."
      heading="Votre mot de passe a été modifié"
      support={support}
    >
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        Le mot de passe du compte ci-dessous a été modifié le {formatParisDateTime(data.changedAt)} (heure de Paris).
        Les autres sessions ouvertes avec ce compte ont été fermées.
      </Paragraph>
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      <Paragraph>Vous êtes à l&apos;origine de ce changement ? Vous n&apos;avez rien d&apos;autre à faire.</Paragraph>
      <Paragraph>
        Ce n&apos;était pas vous ? Quelqu&apos;un connaît peut-être votre mot de passe. Choisissez-en un nouveau sans
        attendre grâce à la procédure « Mot de passe oublié », puis prévenez l&apos;assistance.
      </Paragraph>
      <ActionLink href={data.forgottenPasswordUrl} label="Choisir un nouveau mot de passe" caption="Page « Mot de passe oublié »" />
    </EmailLayout>
  );
}
