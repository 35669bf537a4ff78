// Failures an account operation reports to its form: a French message, tied to a field
// when one is at fault. Anything else is a bug and surfaces as an error page.
export class AccountError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AccountError";
  }
}

export class RateLimitedError extends AccountError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}
