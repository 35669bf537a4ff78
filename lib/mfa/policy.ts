// MFA-3: who must have a second factor. Operators always; an organisation's accounts when its
// administrator requires it; an administrator, or an accepted deputy (DEP-1: the console's
// powers), once 14 days have passed since taking the role (until then a banner counts the days
// down); everybody else may.
export const ADMINISTRATOR_ENROLMENT_DAYS = 14;

export interface PolicySubject {
  role: "USER" | "ADMINISTRATOR" | "OPERATOR";
  /** An accepted deputy administrator (DEP-1). */
  isDeputy?: boolean;
  mfaEnrolmentDeadline: Date | null;
  organisationRequiresMfa: boolean;
}

export interface SecondFactorPolicy {
  /** A second factor is required now. */
  required: boolean;
  /** Required from this date (an administrator's 14 days), while that date is still ahead. */
  deadline: Date | null;
}

export function secondFactorPolicy(subject: PolicySubject, now = new Date()): SecondFactorPolicy {
  if (subject.role === "OPERATOR" || subject.organisationRequiresMfa) return { required: true, deadline: null };
  if ((subject.role === "ADMINISTRATOR" || (subject.role === "USER" && subject.isDeputy)) && subject.mfaEnrolmentDeadline) {
    return subject.mfaEnrolmentDeadline <= now ? { required: true, deadline: null } : { required: false, deadline: subject.mfaEnrolmentDeadline };
  }
  return { required: false, deadline: null };
}

/** The deadline of someone becoming administrator now. */
export function administratorEnrolmentDeadline(now: Date): Date {
  return new Date(now.getTime() + ADMINISTRATOR_ENROLMENT_DAYS * 24 * 60 * 60 * 1000);
}
