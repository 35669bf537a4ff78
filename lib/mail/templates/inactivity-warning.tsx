// Sent one month before an account is deactivated for inactivity (LIFE-2): logging in once
// before the date given is enough to keep it.
import { formatParisDateTime } from "../format";
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export interface InactivityWarningEmailData {
  identifier: string;
  /** Null for a portal operator, who belongs to no organisation. */
  organisationName: string | null;
  /** The last login (or, failing that, the activation) the inactivity is counted from. */
  lastActivityAt: Date;
  /** From this instant the account is deactivated unless its owner logs in. */
  deactivationAt: Date;
  loginUrl: string;
}

export function inactivityWarningSubject(): string {
  return "Votre compte sera bientôt désactivé faute de connexion";
}

export function InactivityWarningEmail({ support, ...data }: InactivityWarningEmailData & CommonEmailProps) {
  return (
    <EmailLayout
      preview="Connectez-vous pour conserver votre compte du Portail e-services."
      heading="Votre compte n'a pas servi depuis longtemps"
      support={support}
    >
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        Personne ne s&apos;est connecté au compte ci-dessous depuis le {formatParisDateTime(data.lastActivityAt)} (heure
        de Paris). Les comptes restés 16 mois sans connexion sont désactivés automatiquement.
      </Paragraph>
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      <Paragraph>
        Sans connexion de votre part, ce compte sera désactivé le {formatParisDateTime(data.deactivationAt)} (heure de
        Paris). Pour le garder, il suffit de vous connecter une fois avant cette date : vous n&apos;avez rien d&apos;autre
        à faire.
      </Paragraph>
      <Paragraph>
        Vous n&apos;en avez plus besoin ? Laissez-le se désactiver. Vous pourrez le réactiver plus tard grâce à un nouveau
        lien d&apos;activation, mais l&apos;administrateur de votre organisation devra alors vous attribuer à nouveau vos
        accès aux e-services.
      </Paragraph>
      <ActionLink href={data.loginUrl} label="Me connecter" caption="Page de connexion" />
    </EmailLayout>
  );
}
