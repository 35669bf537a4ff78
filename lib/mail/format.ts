import { formatDateTime } from "../calendar";

// Small formatting helpers shared by the e-mail templates and the dev mailbox. Pure: no I/O.

/** "10 mars 2026 à 11:00", in Europe/Paris time whatever the server's zone: the portal's one style (lib/calendar.ts). */
export function formatParisDateTime(date: Date): string {
  return formatDateTime(date);
}

/** The same, with seconds: for lists of events. */
export function formatParisShortDateTime(date: Date): string {
  return formatDateTime(date, { seconds: true });
}

/**
 * Hides most of an address while leaving enough for its owner to recognise it, without
 * giving away its length: "jean.dupont@mairie-exemple.fr" → "j***@m***.fr".
 */
export function maskEmailAddress(address: string): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0) return "***";
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : "";
  const hide = (part: string) => `${part.slice(0, 1)}***`;
  return `${hide(local)}@${hide(host)}${tld}`;
}
