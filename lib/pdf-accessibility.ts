// What every PDF of the portal says about itself (issue 16 item 9, RGAA 13.3): React-PDF does
// not produce tagged PDF, so each document carries its title and language in its metadata
// and states, in a line of its own, the address of its accessible HTML equivalent.
import { appUrl } from "./app-url";

/** The language of every PDF (the `language` of React-PDF's Document: the catalogue's /Lang). */
export const PDF_LANGUAGE = "fr-FR";

/** The PDFs' author and producer. */
export const PDF_AUTHOR = "Portail e-services";

/** The line naming the web page that holds the same information, accessibly (under APP_URL unless `baseUrl` is given). */
export function accessibleVersionLine(path: string, baseUrl?: string): string {
  return `Version accessible de ce document, en page web : ${baseUrl ? new URL(path, baseUrl).toString() : appUrl(path)}`;
}
