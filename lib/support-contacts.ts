// Support contacts come from configuration, never from code (HELP-5).
import { env } from "./env";

export interface SupportContacts {
  email: string;
  phone: string;
  hours: string;
}

export function supportContacts(): SupportContacts {
  const config = env();
  return { email: config.SUPPORT_EMAIL, phone: config.SUPPORT_PHONE, hours: config.SUPPORT_HOURS };
}
