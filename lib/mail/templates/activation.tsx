// Sent after registration (ACC-3) and by "Renvoyer le courriel d'activation": the single-use
// link that verifies the address. Never a password.
import { AccountDetails, ActionLink, EmailLayout, Paragraph, plural, type CommonEmailProps } from "./layout";

export interface ActivationEmailData {
  identifier: string;
  organisationName: string;
  firstName: string;
  activationUrl: string;
  /** Validity of the link; 72 hours by default (ACC-3). */
  expiresInHours?: number;
  /** The role asked for at registration: an administrator is then confirmed by post (LR-1). */
  requestedRole: "USER" | "ADMINISTRATOR";
}

export function activationSubject(data: ActivationEmailData): string {
  return `Activez votre compte ${data.identifier} sur le Portail e-services`;
}

export function ActivationEmail({ support, ...data }: ActivationEmailData & CommonEmailProps) {
  const validity = plural(data.expiresInHours ?? 72, "heure");
  return (
    <EmailLayout
      preview={`Activez votre compte : le lien est valable ${validity}.`}
      heading="Activez votre compte"
      support={support}
    >
      <Paragraph>Bonjour {data.firstName},</Paragraph>
      <Paragraph>
        Votre compte a été créé sur le Portail e-services pour l&apos;organisation {data.organisationName}. Pour
        l&apos;activer et confirmer votre adresse électronique, ouvrez le lien ci-dessous. Il est valable {validity} et
        ne sert qu&apos;une seule fois.
      </Paragraph>
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      <Paragraph>
        Notez bien votre identifiant : c&apos;est lui que vous saisirez à chaque connexion. Il ne changera jamais.
      </Paragraph>
      <ActionLink href={data.activationUrl} label="Activer mon compte" caption="Lien d'activation" />
      {data.requestedRole === "ADMINISTRATOR" ? (
        <Paragraph>
          Vous avez demandé à devenir administrateur de votre organisation. Une fois votre compte activé, un courrier
          sera envoyé par la poste au représentant légal de votre organisation ({data.organisationName}), à son adresse
          officielle. Ce courrier contient des codes de confirmation : c&apos;est lorsque le représentant
          légal confirme votre demande que vous devenez administrateur.
        </Paragraph>
      ) : (
        <Paragraph>
          Une fois votre compte activé, l&apos;administrateur de votre organisation devra le valider avant que vous
          puissiez vous connecter.
        </Paragraph>
      )}
      <Paragraph>
        Vous n&apos;êtes pas à l&apos;origine de cette inscription ? Ignorez simplement ce message : sans activation, le
        compte restera inutilisable.
      </Paragraph>
    </EmailLayout>
  );
}
