// What the login form says for each outcome (ACC-5, ACC-6): the same message for an
// unknown identifier and a wrong password; a status only once the password is right.
import { tooManyAttempts } from "../wait-time";
import type { LoginFailure } from "./authenticate";

export function loginFailureMessage(reason: LoginFailure, retryAfterSeconds = 60): string {
  switch (reason) {
    case "invalid":
      return "Identifiant ou mot de passe incorrect.";
    case "rate_limited":
      return tooManyAttempts(retryAfterSeconds);
    case "pending_activation":
      return "Votre adresse électronique n'est pas encore confirmée : cliquez sur le lien du courriel d'activation, ou demandez un nouveau lien.";
    case "pending_validation":
      return "Votre compte attend la validation de l'administrateur de votre organisation : demandez-lui de valider votre inscription.";
    case "pending_validation_unmanaged":
      return (
        "Votre compte attend la validation d'un administrateur, mais votre organisation n'a ni administrateur ni suppléant pour le faire. " +
        "Vous pouvez demander à devenir administrateur ci-dessous : un courrier sera envoyé à son représentant légal. Sinon, un collègue " +
        "dont le compte est actif peut demander ce rôle depuis « Mon espace », ou s'inscrire comme administrateur."
      );
    case "pending_legal_representative":
      return "Votre demande pour devenir administrateur attend la confirmation du représentant légal de votre organisation, qui reçoit par courrier les codes de confirmation.";
    case "deactivated_inactivity":
      return "Votre compte a été désactivé car vous ne vous êtes pas connecté depuis 16 mois. Demandez un nouveau lien d'activation pour le réactiver.";
    case "deactivated_never_activated":
      return "Votre compte a été désactivé car votre adresse électronique n'a pas été confirmée à temps. Demandez un nouveau lien d'activation pour le réactiver.";
    case "deactivated_invalidated":
      return "Votre compte a été désactivé par l'administrateur de votre organisation : adressez-vous à lui pour le faire réactiver.";
    case "deactivated_closed":
      return "Ce compte a été fermé à votre demande. Pour le rouvrir, écrivez à l'assistance.";
  }
}

/** Outcomes after which a new activation link is the way forward (LIFE-4). */
export const ACTIVATION_LINK_HELPS: LoginFailure[] = ["pending_activation", "deactivated_inactivity", "deactivated_never_activated"];

/** The second step's refusals (MFA-2). */
export function secondStepFailureMessage(reason: "second_factor_invalid" | "second_factor_expired" | "rate_limited", retryAfterSeconds = 60): string {
  switch (reason) {
    case "second_factor_invalid":
      return "Code incorrect ou déjà utilisé. Saisissez le code affiché maintenant par votre application, ou un code de secours.";
    case "second_factor_expired":
      return "Cette vérification a expiré ou a été utilisée : reconnectez-vous avec votre identifiant et votre mot de passe.";
    case "rate_limited":
      return tooManyAttempts(retryAfterSeconds);
  }
}
