// Sent to the previous administrator when the legal representative confirmed another one (LR-5).
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";
import { deNom } from "../../french/names";

export interface AdministratorReplacedEmailData {
  identifier: string;
  organisationName: string;
  /** How the name takes its article (lib/french/names.ts); absent in older messages: "de". */
  organisationTypeLiaison?: number;
  newAdministratorName: string;
  spaceUrl: string;
}

export function administratorReplacedSubject(data: AdministratorReplacedEmailData): string {
  return `${data.organisationName} a un nouvel administrateur`;
}

export function AdministratorReplacedEmail({ support, ...data }: AdministratorReplacedEmailData & CommonEmailProps) {
  return (
    <EmailLayout
      preview={`${data.newAdministratorName} devient l'administrateur ${deNom({ name: data.organisationName, typeLiaison: data.organisationTypeLiaison })}.`}
      heading="Vous n'êtes plus administrateur"
      support={support}
    >
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        Le représentant légal {deNom({ name: data.organisationName, typeLiaison: data.organisationTypeLiaison })} a confirmé {data.newAdministratorName} comme nouvel
        administrateur. Votre compte reste actif en tant qu&apos;utilisateur, avec les e-services qui vous sont
        attribués.
      </Paragraph>
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      <Paragraph>Si ce changement vous surprend, rapprochez-vous du représentant légal de votre organisation.</Paragraph>
      <ActionLink href={data.spaceUrl} label="Ouvrir mon espace" caption="Mon espace" />
    </EmailLayout>
  );
}
