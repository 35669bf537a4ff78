// French names of the audit log's actions (ADM-5); an unknown action shows its code.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "account.registered": "Inscription",
  "account.activated": "Adresse confirmée",
  "account.validated": "Compte validé",
  "account.refused": "Inscription refusée",
  "account.invalidated": "Compte désactivé par l'administrateur",
  "account.reactivated": "Compte réactivé",
  "account.deactivated": "Compte désactivé",
  "account.purged": "Compte supprimé",
  "account.inactivity_warned": "Avertissement d'inactivité",
  "account.profile_updated": "Informations modifiées",
  "account.email_changed": "Adresse électronique modifiée",
  "account.password_changed": "Mot de passe modifié",
  "account.password_reset": "Mot de passe réinitialisé",
  "account.closed_by_owner": "Compte fermé par son titulaire",
  "account.switched_to": "Changement de compte",
  "admin_request.created": "Demande d'administration",
  "admin_request.confirmed": "Administrateur confirmé par le représentant légal",
  "admin_request.wrong_code": "Code de confirmation erroné",
  "admin_request.locked": "Demande bloquée",
  "letter.posted": "Courrier posté",
  "letter.pdfs_purged": "Courriers supprimés",
  "organisation.created": "Organisation créée",
  "organisation.updated": "Organisation modifiée",
  "subscription.created": "Abonnement",
  "subscription.ended": "Fin d'abonnement",
  "permission.granted": "E-service attribué",
  "permission.revoked": "E-service retiré",
  "e_service.created": "E-service ajouté au catalogue",
  "e_service.updated": "E-service modifié",
  "e_service.opened": "E-service ouvert",
  "e_service.health_consent": "Consentement données de santé",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
