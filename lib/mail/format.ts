// Small formatting helpers shared by the e-mail templates and the dev mailbox. Pure: no I/O.

const parisDateTime = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  dateStyle: "full",
  timeStyle: "short",
});

const parisShortDateTime = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  dateStyle: "short",
  timeStyle: "medium",
});

/** "mardi 10 mars 2026 à 11:00", in Europe/Paris time whatever the server's zone. */
export function formatParisDateTime(date: Date): string {
  return parisDateTime.format(date);
}

/** "10/03/2026 11:00:00", in Europe/Paris time: for lists. */
export function formatParisShortDateTime(date: Date): string {
  return parisShortDateTime.format(date);
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
