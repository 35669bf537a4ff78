import type { Metadata } from "next";
import Link from "next/link";
import { ProsePage } from "@/components/layout/prose-page";
import { INACTIVITY_DEACTIVATION_MONTHS, INACTIVITY_WARNING_MONTHS } from "@/lib/lifecycle/inactivity";
import { NEVER_ACTIVATED_PURGE_DAYS } from "@/lib/lifecycle/never-activated";
import { retentionMonths } from "@/lib/lifecycle/retention";
import { supportContacts } from "@/lib/support-contacts";

export const metadata: Metadata = { title: "Données personnelles" };
// The periods and contacts come from configuration (DEP-5, HELP-5): read at each request.
export const dynamic = "force-dynamic";

/** "3 ans", "18 mois", "1 an". */
function duration(months: number): string {
  if (months % 12 === 0) return months === 12 ? "1 an" : `${months / 12} ans`;
  return `${months} mois`;
}

// DEP-5: what the portal keeps about people, why, for how long, and how to exercise one's rights.
export default function PersonalDataPage() {
  const contacts = supportContacts();
  const retention = duration(retentionMonths());
  return (
    <ProsePage
      title="Données personnelles"
      intro="Cette page explique quelles données le Portail e-services conserve sur les personnes qui l'utilisent, pourquoi, pendant combien de temps, et comment exercer vos droits."
    >
      <h2>Ce que nous conservons</h2>
      <ul>
        <li>
          <strong>Votre compte</strong> : civilité, prénom, nom, identifiant, adresse électronique, et si vous les avez indiqués votre téléphone et votre
          fonction ; l&apos;organisation pour laquelle vous agissez, votre rôle et les e-services qui vous sont accordés.
        </li>
        <li>
          <strong>La sécurité de votre accès</strong> : votre mot de passe sous une forme qui ne permet pas de le retrouver, vos seconds facteurs
          d&apos;authentification, vos sessions et l&apos;historique de vos connexions (date, adresse réseau, navigateur).
        </li>
        <li>
          <strong>Le journal des actions</strong> : qui a fait quoi, sur quel compte, quand et depuis quelle adresse réseau (validation d&apos;un compte,
          permission accordée, import, invitation…).
        </li>
        <li>
          <strong>Vos demandes d&apos;assistance</strong> et les courriels que le portail vous a envoyés.
        </li>
      </ul>

      <h2>Pourquoi</h2>
      <ul>
        <li>Vous donner accès aux e-services que votre organisation vous accorde, et à eux seuls.</li>
        <li>Protéger votre compte : limiter les tentatives de connexion, vous prévenir des changements importants, mettre fin aux sessions.</li>
        <li>Permettre à votre organisation et aux opérateurs du portail de savoir qui a décidé quoi, en cas de question ou d&apos;incident.</li>
        <li>Répondre à vos demandes d&apos;assistance.</li>
      </ul>
      <p>Le portail ne dépose que les cookies nécessaires à son fonctionnement et ne transmet vos données à aucun tiers à des fins commerciales.</p>

      <h2>Pendant combien de temps</h2>
      <ul>
        <li>Tant que votre compte est actif, ses données sont conservées et vous pouvez les modifier depuis votre espace.</li>
        <li>
          Un compte sans connexion pendant {INACTIVITY_WARNING_MONTHS} mois reçoit un avertissement ; il est désactivé après {INACTIVITY_DEACTIVATION_MONTHS}{" "}
          mois sans connexion.
        </li>
        <li>
          Une inscription dont le lien d&apos;activation n&apos;a jamais été utilisé est désactivée à l&apos;expiration du lien, puis supprimée{" "}
          {NEVER_ACTIVATED_PURGE_DAYS} jours plus tard.
        </li>
        <li>
          <strong>
            Un compte désactivé (pour inactivité, par l&apos;administrateur de l&apos;organisation, ou fermé par son titulaire) est anonymisé {retention} après sa
            désactivation
          </strong>{" "}
          : nom, prénom, identifiant, adresse électronique, téléphone, fonction, seconds facteurs, sessions, liens et historique de connexions sont effacés ou
          remplacés. Les actions du journal sont conservées, mais la personne n&apos;y est plus désignée que par un pseudonyme (« Personne anonymisée n° … »).
        </li>
        <li>Une session dure au plus 12 heures ; sa trace est effacée le lendemain de sa fin.</li>
      </ul>

      <h2>Vos droits</h2>
      <p>Vous pouvez à tout moment :</p>
      <ul>
        <li>
          consulter et corriger vos informations, et télécharger toutes les données de votre compte (format JSON), depuis{" "}
          <Link href="/espace">votre espace</Link> ;
        </li>
        <li>fermer votre compte depuis votre espace : l&apos;accès cesse aussitôt, et le compte est anonymisé {retention} plus tard ;</li>
        <li>
          demander l&apos;effacement anticipé de vos données, vous opposer à un traitement ou poser toute question : écrivez à{" "}
          <a href={`mailto:${contacts.email}`}>{contacts.email}</a> ou appelez le {contacts.phone} ({contacts.hours}). Nous répondons dans un délai
          d&apos;un mois.
        </li>
      </ul>
      <p>
        Les données liées à vos e-services (demandes, dossiers) sont gérées par chaque e-service : adressez-vous à votre organisation. Si vous estimez, après
        nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de l&apos;informatique et des
        libertés (CNIL).
      </p>
    </ProsePage>
  );
}
