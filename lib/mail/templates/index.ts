// The registry of e-mail templates (MAIL-3): each name maps to its React Email component and
// its subject, with the data each one needs checked by TypeScript.
import type { ComponentType } from "react";
import { AccountClosedEmail, accountClosedSubject, type AccountClosedEmailData } from "./account-closed";
import { AccountDeactivatedEmail, accountDeactivatedSubject, type AccountDeactivatedEmailData } from "./account-deactivated";
import { AccountValidatedEmail, accountValidatedSubject, type AccountValidatedEmailData } from "./account-validated";
import { ActivationEmail, activationSubject, type ActivationEmailData } from "./activation";
import {
  AdministratorConfirmedEmail,
  administratorConfirmedSubject,
  type AdministratorConfirmedEmailData,
} from "./administrator-confirmed";
import {
  AdministratorReplacedEmail,
  administratorReplacedSubject,
  type AdministratorReplacedEmailData,
} from "./administrator-replaced";
import { DeputyNoticeEmail, deputyNoticeSubject, type DeputyNoticeEmailData } from "./deputy-notice";
import { EmailChangeNoticeEmail, emailChangeNoticeSubject, type EmailChangeNoticeEmailData } from "./email-change-notice";
import { EmailChangeVerifyEmail, emailChangeVerifySubject, type EmailChangeVerifyEmailData } from "./email-change-verify";
import {
  IdentifierReminderEmail,
  identifierReminderSubject,
  type IdentifierReminderEmailData,
} from "./identifier-reminder";
import { InactivityWarningEmail, inactivityWarningSubject, type InactivityWarningEmailData } from "./inactivity-warning";
import { ImportWelcomeEmail, importWelcomeSubject, type ImportWelcomeEmailData } from "./import-welcome";
import type { CommonEmailProps } from "./layout";
import { PasswordChangedEmail, passwordChangedSubject, type PasswordChangedEmailData } from "./password-changed";
import { PasswordResetEmail, passwordResetSubject, type PasswordResetEmailData } from "./password-reset";
import {
  RegistrationExistingEmail,
  registrationExistingSubject,
  type RegistrationExistingEmailData,
} from "./registration-existing";
import {
  AccountReactivatedBySupportEmail,
  accountReactivatedBySupportSubject,
  type AccountReactivatedBySupportEmailData,
} from "./account-reactivated-by-support";
import {
  SecondFactorChangedEmail,
  secondFactorChangedSubject,
  type SecondFactorChangedEmailData,
} from "./second-factor-changed";
import { TicketAnsweredEmail, ticketAnsweredSubject, type TicketAnsweredEmailData } from "./ticket-answered";
import { TicketClosedEmail, ticketClosedSubject, type TicketClosedEmailData } from "./ticket-closed";
import { TicketReplyAlertEmail, ticketReplyAlertSubject, type TicketReplyAlertEmailData } from "./ticket-reply-alert";
import { TicketReceivedEmail, ticketReceivedSubject, type TicketReceivedEmailData } from "./ticket-received";

export type { AccountClosedEmailData } from "./account-closed";
export type { AccountDeactivatedEmailData, AccountDeactivatedReason } from "./account-deactivated";
export type { AccountValidatedEmailData } from "./account-validated";
export type { ActivationEmailData } from "./activation";
export type { AdministratorConfirmedEmailData } from "./administrator-confirmed";
export type { AdministratorReplacedEmailData } from "./administrator-replaced";
export type { DeputyNoticeEmailData, DeputyNoticeEvent } from "./deputy-notice";
export type { EmailChangeNoticeEmailData } from "./email-change-notice";
export type { EmailChangeVerifyEmailData } from "./email-change-verify";
export type { IdentifierReminderAccount, IdentifierReminderEmailData } from "./identifier-reminder";
export type { ImportWelcomeEmailData } from "./import-welcome";
export type { InactivityWarningEmailData } from "./inactivity-warning";
export type { CommonEmailProps } from "./layout";
export { AUTOMATIC_NOTICE, LATEST_COUNTS_NOTICE } from "./layout";
export type { PasswordChangedEmailData } from "./password-changed";
export type { PasswordResetAccount, PasswordResetEmailData } from "./password-reset";
export type { AccountReactivatedBySupportEmailData } from "./account-reactivated-by-support";
export type { RegistrationExistingEmailData } from "./registration-existing";
export type { SecondFactorChange, SecondFactorChangedEmailData } from "./second-factor-changed";
export type { TicketAnsweredEmailData } from "./ticket-answered";
export type { TicketClosedEmailData } from "./ticket-closed";
export type { TicketReplyAlertEmailData } from "./ticket-reply-alert";
export type { TicketReceivedEmailData } from "./ticket-received";

/** The data each template needs. */
export interface TemplateDataMap {
  activation: ActivationEmailData;
  "password-reset": PasswordResetEmailData;
  "identifier-reminder": IdentifierReminderEmailData;
  "password-changed": PasswordChangedEmailData;
  "email-change-verify": EmailChangeVerifyEmailData;
  "email-change-notice": EmailChangeNoticeEmailData;
  "account-closed": AccountClosedEmailData;
  "inactivity-warning": InactivityWarningEmailData;
  "account-deactivated": AccountDeactivatedEmailData;
  "administrator-confirmed": AdministratorConfirmedEmailData;
  "administrator-replaced": AdministratorReplacedEmailData;
  "account-validated": AccountValidatedEmailData;
  "ticket-received": TicketReceivedEmailData;
  "ticket-answered": TicketAnsweredEmailData;
  "ticket-closed": TicketClosedEmailData;
  "ticket-reply-alert": TicketReplyAlertEmailData;
  "account-reactivated-by-support": AccountReactivatedBySupportEmailData;
  "import-welcome": ImportWelcomeEmailData;
  "registration-existing": RegistrationExistingEmailData;
  "second-factor-changed": SecondFactorChangedEmailData;
  "deputy-notice": DeputyNoticeEmailData;
}

export type TemplateName = keyof TemplateDataMap;

/** One message to send: a template and its data, checked together. */
export type EmailMessage = { [K in TemplateName]: { template: K; data: TemplateDataMap[K] } }[TemplateName];

export interface TemplateDefinition<Data> {
  component: ComponentType<Data & CommonEmailProps>;
  subject(data: Data): string;
}

export const TEMPLATES: { [K in TemplateName]: TemplateDefinition<TemplateDataMap[K]> } = {
  activation: { component: ActivationEmail, subject: activationSubject },
  "password-reset": { component: PasswordResetEmail, subject: passwordResetSubject },
  "identifier-reminder": { component: IdentifierReminderEmail, subject: identifierReminderSubject },
  "password-changed": { component: PasswordChangedEmail, subject: passwordChangedSubject },
  "email-change-verify": { component: EmailChangeVerifyEmail, subject: emailChangeVerifySubject },
  "email-change-notice": { component: EmailChangeNoticeEmail, subject: emailChangeNoticeSubject },
  "account-closed": { component: AccountClosedEmail, subject: accountClosedSubject },
  "inactivity-warning": { component: InactivityWarningEmail, subject: inactivityWarningSubject },
  "account-deactivated": { component: AccountDeactivatedEmail, subject: accountDeactivatedSubject },
  "administrator-confirmed": { component: AdministratorConfirmedEmail, subject: administratorConfirmedSubject },
  "administrator-replaced": { component: AdministratorReplacedEmail, subject: administratorReplacedSubject },
  "account-validated": { component: AccountValidatedEmail, subject: accountValidatedSubject },
  "ticket-received": { component: TicketReceivedEmail, subject: ticketReceivedSubject },
  "ticket-answered": { component: TicketAnsweredEmail, subject: ticketAnsweredSubject },
  "ticket-closed": { component: TicketClosedEmail, subject: ticketClosedSubject },
  "ticket-reply-alert": { component: TicketReplyAlertEmail, subject: ticketReplyAlertSubject },
  "account-reactivated-by-support": { component: AccountReactivatedBySupportEmail, subject: accountReactivatedBySupportSubject },
  "import-welcome": { component: ImportWelcomeEmail, subject: importWelcomeSubject },
  "registration-existing": { component: RegistrationExistingEmail, subject: registrationExistingSubject },
  "second-factor-changed": { component: SecondFactorChangedEmail, subject: secondFactorChangedSubject },
  "deputy-notice": { component: DeputyNoticeEmail, subject: deputyNoticeSubject },
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];
