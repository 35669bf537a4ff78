// BULK-3: the welcome e-mail of an account created by an import (on its opening date when it
// has one), and BULK-2: the new link after the address was corrected. It gives the
// identifier and a link to choose a password; never a password.
import { AccountDetails, ActionLink, EmailLayout, Paragraph, plural, type CommonEmailProps } from "./layout";

export interface ImportWelcomeEmailData {
  identifier: string;
  organisationName: string;
  firstName: string;
  activationUrl: string;
  expiresInHours?: number;
  resendUrl: string;
  /** "welcome": first message; "corrected": the address was corrected by the organisation. */
  kind: "welcome" | "corrected";
}

export function importWelcomeSubject(data: ImportWelcomeEmailData): string {
  return data.kind === "corrected"
    ? `Votre accès au Portail e-services (${data.organisationName})`
    : `Bienvenue sur le Portail e-services : votre compte ${data.identifier}`;
}

export function ImportWelcomeEmail({ support, ...data }: ImportWelcomeEmailData & CommonEmailProps) {
  const validity = plural(data.expiresInHours ?? 72, "heure");
  return (
    <EmailLayout
      preview={`Votre identifiant est ${data.identifier} : choisissez votre mot de passe pour activer votre compte.`}
      heading="Votre compte est prêt"
      support={support}
    >
      <Paragraph>Bonjour {data.firstName},</Paragraph>
      <Paragraph>
        {data.kind === "corrected"
          ? `${data.organisationName} a corrigé votre adresse électronique : voici vos accès au Portail e-services.`
          : `${data.organisationName} vous a ouvert un compte sur le Portail e-services.`}{" "}
        Pour l&apos;activer, ouvrez le lien ci-dessous et choisissez vous-même votre mot de passe, qui ne vous sera jamais
        envoyé par courriel. Le lien est valable {validity} et ne sert qu&apos;une seule fois.
      </Paragraph>
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      <Paragraph>Notez bien votre identifiant : c&apos;est lui que vous saisirez à chaque connexion. Il ne changera jamais.</Paragraph>
      <ActionLink href={data.activationUrl} label="Activer mon compte" caption="Lien d'activation" />
      <Paragraph>Le lien a expiré ? Demandez-en un nouveau à l&apos;adresse {data.resendUrl}.</Paragraph>
    </EmailLayout>
  );
}
