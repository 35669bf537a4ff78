// Sent to the NEW address when someone asks to change the address of an account (ACC-9): the
// new address replaces the old one only once this link is opened.
import { AccountDetails, ActionLink, EmailLayout, Paragraph, plural, type CommonEmailProps } from "./layout";

export interface EmailChangeVerifyEmailData {
  identifier: string;
  /** Null for a portal operator, who belongs to no organisation. */
  organisationName: string | null;
  confirmUrl: string;
  /** Validity of the link; 24 hours by default. */
  expiresInHours?: number;
}

export function emailChangeVerifySubject(): string {
  return "Confirmez votre nouvelle adresse électronique";
}

export function EmailChangeVerifyEmail({ support, ...data }: EmailChangeVerifyEmailData & CommonEmailProps) {
  const validity = plural(data.expiresInHours ?? 24, "heure");
  return (
    <EmailLayout
      preview={`Confirmez cette adresse pour votre compte : le lien est valable ${validity}.`}
      heading="Confirmez votre nouvelle adresse électronique"
      support={support}
    >
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        Il a été demandé que cette adresse électronique devienne celle du compte ci-dessous. Pour le confirmer, ouvrez
        le lien qui suit : il est valable {validity} et ne sert qu&apos;une seule fois. Tant que vous ne l&apos;avez pas
        ouvert, le compte garde son adresse actuelle.
      </Paragraph>
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      <ActionLink href={data.confirmUrl} label="Confirmer cette adresse" caption="Lien de confirmation" />
      <Paragraph>
        Vous n&apos;êtes pas à l&apos;origine de cette demande ? Ignorez ce message : l&apos;adresse du compte ne
        changera pas.
      </Paragraph>
    </EmailLayout>
  );
}
