// Sent to the OLD address of an account whose address is being changed (ACC-9), so that its
// owner notices a change they did not ask for. The new address is shown masked.
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export interface EmailChangeNoticeEmailData {
  identifier: string;
  /** Null for a portal operator, who belongs to no organisation. */
  organisationName: string | null;
  /** e.g. "j***@m***.fr" (see maskEmailAddress in lib/mail/format.ts). */
  newAddressMasked: string;
  /** "requested": the new address still has to be confirmed; "confirmed": it now replaces this one. */
  stage: "requested" | "confirmed";
  /** The "Mot de passe oublié" page, for someone whose account is used by another. */
  forgottenPasswordUrl: string;
}

export function emailChangeNoticeSubject(data: EmailChangeNoticeEmailData): string {
  return data.stage === "confirmed"
    ? "L'adresse électronique de votre compte a été changée"
    : "Demande de changement de l'adresse électronique de votre compte";
}

export function EmailChangeNoticeEmail({ support, ...data }: EmailChangeNoticeEmailData & CommonEmailProps) {
  const confirmed = data.stage === "confirmed";
  return (
    <EmailLayout
      preview={
        confirmed
          ? "Votre compte utilise désormais une autre adresse électronique."
          : "Un changement d'adresse électronique a été demandé pour votre compte."
      }
      heading={confirmed ? "Votre adresse électronique a été changée" : "Changement d'adresse électronique demandé"}
      support={support}
    >
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        {confirmed
          ? `Le compte ci-dessous utilise désormais la nouvelle adresse ${data.newAddressMasked}. Les prochains messages du portail y seront envoyés, et plus à celle-ci.`
          : `Il a été demandé de remplacer l'adresse électronique du compte ci-dessous par ${data.newAddressMasked}. Le changement n'aura lieu qu'une fois la nouvelle adresse confirmée ; d'ici là, les messages du portail continuent d'arriver ici.`}
      </Paragraph>
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      <Paragraph>Vous êtes à l&apos;origine de ce changement ? Vous n&apos;avez rien à faire.</Paragraph>
      <Paragraph>
        Ce n&apos;était pas vous ? Quelqu&apos;un utilise peut-être votre compte. Choisissez sans attendre un nouveau mot
        de passe, puis contactez l&apos;assistance en citant votre identifiant.
      </Paragraph>
      <ActionLink href={data.forgottenPasswordUrl} label="Choisir un nouveau mot de passe" caption="Page « Mot de passe oublié »" />
    </EmailLayout>
  );
}
