// The postal address of an organisation as letters use it (ORG-4, LR-2): pure helpers for
// the operator's preview and for whoever composes a letter's address block.

export interface PostalAddress {
  addressRecipient: string | null;
  addressComplement: string | null;
  addressStreet: string | null;
  addressPostalCode: string | null;
  addressCity: string | null;
}

/**
 * The city line as La Poste recommends it: capitals, no accents, hyphens and apostrophes
 * as spaces ("Saint-Étienne" → "SAINT ETIENNE"). The one rule of the directory seed, the
 * operators' forms and the letters' address block.
 */
export function postalCityLine(city: string): string {
  return city
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/œ/gi, (ligature) => (ligature === "Œ" ? "OE" : "oe"))
    .replace(/æ/gi, (ligature) => (ligature === "Æ" ? "AE" : "ae"))
    .replace(/[-'’‐‑]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase();
}

/** The parts a letter cannot do without that the address still lacks, in French. */
export function missingAddressParts(address: PostalAddress): string[] {
  const missing: string[] = [];
  if (!address.addressRecipient) missing.push("le destinataire");
  if (!address.addressPostalCode) missing.push("le code postal");
  if (!address.addressCity) missing.push("la ville");
  return missing;
}
