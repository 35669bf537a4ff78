// Sent to the new administrator once the legal representative confirmed them (LR-3).
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";
import { deNom } from "../../french/names";

export interface AdministratorConfirmedEmailData {
  identifier: string;
  organisationName: string;
  /** How the name takes its article (lib/french/names.ts); absent in older messages: "de". */
  organisationTypeLiaison?: number;
  consoleUrl: string;
}

export function administratorConfirmedSubject(data: AdministratorConfirmedEmailData): string {
  return `Vous êtes administrateur ${deNom({ name: data.organisationName, typeLiaison: data.organisationTypeLiaison })}`;
}

export function AdministratorConfirmedEmail({ support, ...data }: AdministratorConfirmedEmailData & CommonEmailProps) {
  return (
    <EmailLayout
      preview={`Le représentant légal a confirmé votre rôle d'administrateur ${deNom({ name: data.organisationName, typeLiaison: data.organisationTypeLiaison })}.`}
      heading="Votre rôle d'administrateur est confirmé"
      support={support}
    >
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        Le représentant légal {deNom({ name: data.organisationName, typeLiaison: data.organisationTypeLiaison })} a saisi les codes du courrier : vous êtes désormais
        l&apos;administrateur de l&apos;organisation sur le portail.
      </Paragraph>
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      <Paragraph>
        Depuis la console d&apos;administration, vous abonnez l&apos;organisation aux e-services, validez les comptes de
        vos collègues et attribuez à chacun les e-services qu&apos;il peut utiliser. Vous n&apos;avez vous-même aucun
        e-service par défaut : attribuez-vous ceux dont vous avez besoin.
      </Paragraph>
      <ActionLink href={data.consoleUrl} label="Ouvrir la console d'administration" caption="Console d'administration" />
    </EmailLayout>
  );
}
