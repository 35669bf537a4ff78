// Support contacts come from configuration, never from code (HELP-5).
import { DEV_DEFAULTS, env, publicFile, type Env } from "./env";

export interface SupportContacts {
  email: string;
  phone: string;
  hours: string;
}

/** The configured contacts; outside production, DEV_DEFAULTS (production refuses to start without them). */
export function supportContacts(config: Env = env()): SupportContacts {
  return {
    email: config.SUPPORT_EMAIL ?? DEV_DEFAULTS.SUPPORT_EMAIL,
    phone: config.SUPPORT_PHONE ?? DEV_DEFAULTS.SUPPORT_PHONE,
    hours: config.SUPPORT_HOURS ?? DEV_DEFAULTS.SUPPORT_HOURS,
  };
}

/** The portal operator as it signs its letters (LR-2, issue 16 item 3). */
export interface LetterSender {
  name: string;
  /** Return address lines. */
  address: string[];
  caseOfficer: string;
  /** Absolute path of the logo file (under public/), if any. */
  logo: string | null;
}

export function letterSender(config: Env = env()): LetterSender {
  return {
    name: config.LETTER_SENDER_NAME ?? DEV_DEFAULTS.LETTER_SENDER_NAME,
    address: (config.LETTER_SENDER_ADDRESS ?? DEV_DEFAULTS.LETTER_SENDER_ADDRESS)
      .split("|")
      .map((line) => line.trim())
      .filter(Boolean),
    caseOfficer: config.LETTER_CASE_OFFICER ?? DEV_DEFAULTS.LETTER_CASE_OFFICER,
    logo: (() => {
      const logo = config.LETTER_LOGO ?? (config.NODE_ENV === "production" ? null : DEV_DEFAULTS.LETTER_LOGO);
      return logo ? publicFile(logo) : null;
    })(),
  };
}

/**
 * Where a requester's reply is signalled by e-mail (issue 15 item 6): the support address,
 * only when the portal is configured to (SUPPORT_REPLY_ALERTS=1); otherwise nobody.
 */
export function supportReplyAlertAddress(config: Env = env()): string | null {
  return config.SUPPORT_REPLY_ALERTS === "1" ? supportContacts(config).email : null;
}
