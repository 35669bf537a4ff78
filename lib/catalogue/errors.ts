// Failures a catalogue operation reports to its form: a French message, tied to a field
// when one is at fault. Anything else is a bug and surfaces as an error page.
import type { EServiceField } from "./schemas";

export class CatalogueError extends Error {
  constructor(
    message: string,
    readonly field?: EServiceField,
  ) {
    super(message);
    this.name = "CatalogueError";
  }
}
