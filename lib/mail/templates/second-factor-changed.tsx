// MFA-4: every change of an account's second factors is told to its owner, so that a change
// they did not make is noticed (a stolen password used to add an attacker's authenticator).
import { formatParisDateTime } from "../format";
import { AccountDetails, ActionLink, EmailLayout, Paragraph, type CommonEmailProps } from "./layout";

export type SecondFactorChange =
  | "totp_added"
  | "totp_removed"
  | "passkey_added"
  | "passkey_removed"
  | "recovery_codes_generated"
  | "reset_by_support";

export interface SecondFactorChangedEmailData {
  identifier: string;
  organisationName: string | null;
  change: SecondFactorChange;
  /** The passkey's name, or the assistance request's number for a reset. */
  detail?: string;
  changedAt: Date;
  securityUrl: string;
}

const WHAT: Record<SecondFactorChange, (detail?: string) => string> = {
  totp_added: () => "Une application d'authentification a été ajoutée à votre compte.",
  totp_removed: () => "L'application d'authentification de votre compte a été retirée.",
  passkey_added: (name) => `La clé d'accès « ${name ?? ""} » a été ajoutée à votre compte.`,
  passkey_removed: (name) => `La clé d'accès « ${name ?? ""} » a été retirée de votre compte.`,
  recovery_codes_generated: () => "De nouveaux codes de secours ont été générés : les anciens ne fonctionnent plus.",
  reset_by_support: (ticket) =>
    `À votre demande (demande d'assistance n° ${ticket ?? ""}), l'assistance a retiré toutes les méthodes de double authentification de votre compte. Toutes ses sessions ont été fermées.`,
};

export function secondFactorChangedSubject(data: SecondFactorChangedEmailData): string {
  return data.change === "reset_by_support"
    ? "La double authentification de votre compte a été réinitialisée"
    : "La double authentification de votre compte a été modifiée";
}

export function SecondFactorChangedEmail({ support, ...data }: SecondFactorChangedEmailData & CommonEmailProps) {
  return (
    <EmailLayout preview={WHAT[data.change](data.detail)} heading="Double authentification modifiée" support={support}>
      <Paragraph>Bonjour,</Paragraph>
      <Paragraph>
        {WHAT[data.change](data.detail)} Changement effectué le {formatParisDateTime(data.changedAt)} (heure de Paris).
      </Paragraph>
      <AccountDetails identifier={data.identifier} organisationName={data.organisationName} />
      <Paragraph>Vous êtes à l&apos;origine de ce changement ? Vous n&apos;avez rien d&apos;autre à faire.</Paragraph>
      <Paragraph>
        Ce n&apos;était pas vous ? Votre mot de passe est peut-être connu d&apos;un tiers. Changez-le sans attendre, vérifiez
        les méthodes de double authentification de votre compte, puis prévenez l&apos;assistance.
      </Paragraph>
      <ActionLink href={data.securityUrl} label="Vérifier ma sécurité" caption="Mon espace, rubrique « Sécurité »" />
    </EmailLayout>
  );
}
