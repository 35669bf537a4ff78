// Failures a permission operation reports to its form. Anything else is a bug.
export class PermissionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermissionError";
  }
}
