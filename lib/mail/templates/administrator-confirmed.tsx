// Sent to the new administrator once the legal representative confirmed them (LR-3).
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export interface AdministratorConfirmedEmailData {
  identifier: string;
  organisationName: string;
  consoleUrl: string;
}

export function administratorConfirmedSubject(data: AdministratorConfirmedEmailData): string {
  return `Vous êtes administrateur de ${data.organisationName}`;
}

export function AdministratorConfirmedEmail({ support, ...data }: AdministratorConfirmedEmailData & CommonEmailProps) {
  return (
    <EmailLayout
      preview={`Le représentant légal a confirmé votre rôle d'administrateur de ${data.organisationName}.`}
      heading="Votre rôle d'administrateur est confirmé"
      support={support}
    >
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        Le représentant légal de {data.organisationName} a saisi les codes du courrier : vous êtes désormais
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
