// Failures a subscription operation reports to its form: a French message, tied to a field
// when one is at fault. Anything else is a bug and surfaces as an error page.
export class SubscriptionError extends Error {
  constructor(
    message: string,
    readonly field?: "eServiceId" | "acceptTerms" | "startDate" | "endDate" | "subscriptionId",
  ) {
    super(message);
    this.name = "SubscriptionError";
  }
}
