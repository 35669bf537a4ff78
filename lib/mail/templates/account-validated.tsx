// Sent when the administrator validates an account, or reactivates it (ADM-2, LIFE-4).
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";
import { deNom } from "../../french/names";

export interface AccountValidatedEmailData {
  identifier: string;
  organisationName: string;
  /** How the name takes its article (lib/french/names.ts); absent in older messages: "de". */
  organisationTypeLiaison?: number;
  loginUrl: string;
  reactivated: boolean;
}

export function accountValidatedSubject(data: AccountValidatedEmailData): string {
  return data.reactivated ? "Votre compte est réactivé" : "Votre compte est validé";
}

export function AccountValidatedEmail({ support, ...data }: AccountValidatedEmailData & CommonEmailProps) {
  return (
    <EmailLayout
      preview={data.reactivated ? "L'administrateur de votre organisation a réactivé votre compte." : "L'administrateur de votre organisation a validé votre compte."}
      heading={data.reactivated ? "Votre compte est réactivé" : "Votre compte est validé"}
      support={support}
    >
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        L&apos;administrateur {deNom({ name: data.organisationName, typeLiaison: data.organisationTypeLiaison })} a {data.reactivated ? "réactivé" : "validé"} votre compte : vous
        pouvez vous connecter au portail.
      </Paragraph>
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      <Paragraph>
        Les e-services que vous pouvez utiliser vous sont attribués un par un par l&apos;administrateur
        {data.reactivated ? " : ceux que vous aviez avant la désactivation doivent vous être attribués à nouveau" : ""}.
      </Paragraph>
      <ActionLink href={data.loginUrl} label="Se connecter" caption="Page de connexion" />
    </EmailLayout>
  );
}
