// Failures an organisation operation reports to its form: a French message, tied to a
// field when one is at fault. Anything else is a bug and surfaces as an error page.
import type { OrganisationField } from "./schemas";

export class OrganisationError extends Error {
  constructor(
    message: string,
    readonly field?: OrganisationField,
  ) {
    super(message);
    this.name = "OrganisationError";
  }
}
