// An organisation as its operator form shows it (ORG-4).
import type { Organisation } from "../generated/prisma/client";

export function organisationFormValues(organisation: Organisation) {
  return {
    name: organisation.name,
    typeLiaison: String(organisation.typeLiaison),
    kind: organisation.kind,
    code: organisation.code,
    siren: organisation.siren ?? "",
    siret: organisation.siret ?? "",
    postalCodes: organisation.postalCodes.join(", "),
    legalRepresentativeTitle: organisation.legalRepresentativeTitle,
    addressRecipient: organisation.addressRecipient ?? "",
    addressComplement: organisation.addressComplement ?? "",
    addressStreet: organisation.addressStreet ?? "",
    addressPostalCode: organisation.addressPostalCode ?? "",
    addressCity: organisation.addressCity ?? "",
  };
}
