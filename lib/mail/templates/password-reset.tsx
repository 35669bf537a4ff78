// Forgotten password (ACC-7): one single-use link per account using this address, valid one
// hour. The password itself is never sent by e-mail.
import { Fragment } from "react";
import { AccountDetails, ActionLink, EmailLayout, Paragraph, plural, type CommonEmailProps } from "./layout";

export interface PasswordResetAccount {
  identifier: string;
  /** Null for a portal operator, who belongs to no organisation. */
  organisationName: string | null;
  resetUrl: string;
}

export interface PasswordResetEmailData {
  /** Every account of this address the request applies to; at least one. */
  accounts: PasswordResetAccount[];
  /** Validity of the links; 60 minutes by default (ACC-7). */
  expiresInMinutes?: number;
}

export function passwordResetSubject(data: PasswordResetEmailData): string {
  return data.accounts.length > 1
    ? "Choisissez un nouveau mot de passe pour vos comptes"
    : "Choisissez un nouveau mot de passe";
}

function validityText(minutes: number): string {
  return minutes % 60 === 0 ? plural(minutes / 60, "heure") : plural(minutes, "minute");
}

export function PasswordResetEmail({ support, ...data }: PasswordResetEmailData & CommonEmailProps) {
  const validity = validityText(data.expiresInMinutes ?? 60);
  const several = data.accounts.length > 1;
  return (
    <EmailLayout
      preview={`Un lien pour choisir un nouveau mot de passe, valable ${validity}.`}
      heading="Choisissez un nouveau mot de passe"
      support={support}
    >
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        {several
          ? `Vous avez demandé à réinitialiser le mot de passe d'un compte du Portail e-services. Cette adresse électronique est utilisée par ${data.accounts.length} comptes : chacun a son propre lien ci-dessous. Utilisez celui du compte concerné.`
          : "Vous avez demandé à réinitialiser le mot de passe de votre compte du Portail e-services. Le lien ci-dessous vous permet d'en choisir un nouveau."}{" "}
        {several ? "Chaque lien est valable" : "Il est valable"} {validity} et ne sert qu&apos;une seule fois.
      </Paragraph>
      {data.accounts.map((account) => (
        <Fragment key={account.identifier}>
          <AccountDetails identifier={account.identifier} organisationName={account.organisationName} />
          <ActionLink
            href={account.resetUrl}
            label={several ? `Nouveau mot de passe pour ${account.identifier}` : "Choisir un nouveau mot de passe"}
            caption="Lien de réinitialisation"
          />
        </Fragment>
      ))}
      <Paragraph>
        Vous n&apos;êtes pas à l&apos;origine de cette demande ? Ignorez ce message : votre mot de passe actuel reste
        valable. Le portail ne vous enverra jamais votre mot de passe par courriel.
      </Paragraph>
    </EmailLayout>
  );
}
