// The password policy applied to an account (PWD-1..3), with the French message for forms.
import { buildIdentifier } from "../identifiers";
import { checkPassword, PASSWORD_PROBLEM_LABELS } from "../password-policy";

export function passwordPolicyError(
  password: string,
  person: { firstName: string; lastName: string; identifier?: string; email?: string },
): string | null {
  let identifier = person.identifier;
  if (!identifier) {
    try {
      identifier = buildIdentifier(person.firstName, person.lastName, () => false) as string;
    } catch {
      identifier = undefined;
    }
  }
  const { ok, problems } = checkPassword(password, { ...person, identifier });
  if (ok) return null;
  return `Ce mot de passe ne convient pas : ${problems.map((problem) => PASSWORD_PROBLEM_LABELS[problem].toLowerCase()).join(" ; ")}.`;
}
