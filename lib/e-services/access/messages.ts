// French explanations of a refused access (ADM-4), shared by the pages and the actions.
export type AccessRefusal = "unknown" | "inactive" | "no_permission" | "no_subscription" | "no_organisation";

export const REFUSAL_TITLES: Record<AccessRefusal, string> = {
  unknown: "Cet e-service n'existe pas",
  inactive: "Cet e-service n'est plus proposé",
  no_permission: "Vous n'avez pas la permission d'utiliser cet e-service",
  no_subscription: "L'abonnement de votre organisation n'est pas en cours",
  no_organisation: "Votre compte n'est rattaché à aucune organisation",
};

export const REFUSAL_MESSAGES: Record<AccessRefusal, string> = {
  unknown: "L'adresse que vous avez suivie ne correspond à aucun e-service du portail. Vérifiez le lien ou revenez à la liste de vos e-services.",
  inactive: "Cet e-service a été retiré du catalogue du portail : il ne peut plus être ouvert.",
  no_permission:
    "Vous n'avez pas la permission d'utiliser cet e-service. C'est l'administrateur de votre organisation qui attribue les e-services à chaque utilisateur : demandez-lui de vous l'attribuer.",
  no_subscription:
    "L'abonnement de votre organisation à cet e-service n'est pas en cours de validité (il n'a pas encore commencé, il est terminé ou il n'existe pas). L'administrateur de votre organisation peut le souscrire ou le renouveler.",
  no_organisation:
    "Les e-services s'utilisent au nom d'une organisation. Votre compte n'appartient à aucune organisation : il ne peut pas en ouvrir.",
};

export const CONSENT_STATEMENT = "Je consens au traitement de données de santé par cet e-service";
export const HOLDER_ONLY_STATEMENT =
  "Cet e-service traite des données de santé : son accès est strictement réservé au titulaire des identifiants. Ne les communiquez à personne et ne laissez personne l'utiliser avec votre compte.";
