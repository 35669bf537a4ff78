import { env } from "./env";

/** An absolute address of the portal, for e-mails and letters. */
export function appUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}
