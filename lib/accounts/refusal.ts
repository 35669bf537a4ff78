// Turns an account operation's refusal into its form's answer; anything else is a bug and
// goes on to the error page.
import { errorState, type FormState } from "../forms";
import { AccountError } from "./errors";

export function refusal(error: unknown, values: Record<string, string>): FormState<never> {
  if (error instanceof AccountError) {
    return error.field
      ? errorState("Le formulaire contient des erreurs : corrigez les champs signalés.", values, { [error.field]: error.message })
      : errorState(error.message, values);
  }
  throw error;
}
