// Support contacts come from configuration, never from code (HELP-5).
import { env, type Env } from "./env";

export interface SupportContacts {
  email: string;
  phone: string;
  hours: string;
}

export function supportContacts(): SupportContacts {
  const config = env();
  return { email: config.SUPPORT_EMAIL, phone: config.SUPPORT_PHONE, hours: config.SUPPORT_HOURS };
}

/**
 * Where a requester's reply is signalled by e-mail (issue 15 item 6): the support address,
 * only when the portal is configured to (SUPPORT_REPLY_ALERTS=1); otherwise nobody.
 */
export function supportReplyAlertAddress(config: Env = env()): string | null {
  return config.SUPPORT_REPLY_ALERTS === "1" ? config.SUPPORT_EMAIL : null;
}
