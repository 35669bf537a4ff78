// Sent when someone registers with the address of an account that already exists in the
// organisation (SEC-8): the registration page gives everyone the same answer, and the owner
// of the address learns here, and only here, that the account exists and how to get in.
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export interface RegistrationExistingEmailData {
  identifier: string;
  organisationName: string;
  /** The "Mot de passe oublié" page. */
  forgottenPasswordUrl: string;
}

export function registrationExistingSubject(): string {
  return "Vous avez déjà un compte sur le Portail e-services";
}

export function RegistrationExistingEmail({ support, ...data }: RegistrationExistingEmailData & CommonEmailProps) {
  return (
    <EmailLayout
      preview={`Un compte existe déjà avec cette adresse pour ${data.organisationName}.`}
      heading="Vous avez déjà un compte"
      support={support}
    >
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        Une inscription vient d&apos;être demandée avec cette adresse électronique pour l&apos;organisation{" "}
        {data.organisationName}. Cette adresse est déjà celle du compte ci-dessous : aucun nouveau compte n&apos;a été
        créé et votre compte n&apos;a pas été modifié.
      </Paragraph>
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      <Paragraph>
        Connectez-vous avec cet identifiant. Vous avez oublié votre mot de passe ? Choisissez-en un nouveau grâce à la
        procédure « Mot de passe oublié » :
      </Paragraph>
      <ActionLink href={data.forgottenPasswordUrl} label="Choisir un nouveau mot de passe" caption="Page « Mot de passe oublié »" />
      <Paragraph>
        Si votre compte a été désactivé, la page de connexion vous dit pourquoi et que faire une fois votre mot de passe
        saisi.
      </Paragraph>
      <Paragraph>Vous n&apos;êtes pas à l&apos;origine de cette demande ? Vous pouvez ignorer ce message.</Paragraph>
    </EmailLayout>
  );
}
