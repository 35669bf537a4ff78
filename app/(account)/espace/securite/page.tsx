import type { Metadata } from "next";
import { AddPasskeyFlow, AddTotpFlow, RegenerateRecoveryCodesForm, RemovePasskeyForm, RemoveTotpForm } from "@/components/mfa/security-forms";
import { Alert } from "@/components/ui/alert";
import { requireEnrolment } from "@/lib/auth/guards";
import { factorCount } from "@/lib/mfa/factors";
import { ownFactors } from "@/lib/mfa/queries";
import { Section } from "@/components/ui/section";
import { SignOutEverywhereForm } from "@/components/space/space-forms";
import { BackLink } from "@/components/ui/back-link";
import { TableRegion } from "@/components/ui/table-region";
import { personalSpace } from "@/lib/accounts/queries";
import { formatDate, formatDateTime } from "@/lib/calendar";

export const metadata: Metadata = { title: "Sécurité" };



function browserName(userAgent: string | null): string {
  if (!userAgent) return "Navigateur inconnu";
  const match = /(Edg|Firefox|Chrome|Safari)\/[\d.]+/.exec(userAgent);
  const names: Record<string, string> = { Edg: "Edge", Firefox: "Firefox", Chrome: "Chrome", Safari: "Safari" };
  return match ? names[match[1]] : "Autre navigateur";
}

// Sécurité in Mon espace: second factors (MFA-1, MFA-4), the last sign-ins and "Se
// déconnecter partout" (ACC-9, SEC-7).
export default async function SecurityPage() {
  const viewer = await requireEnrolment();
  const [factors, space] = await Promise.all([ownFactors(viewer), personalSpace(viewer)]);
  const count = factorCount(factors);
  const lastUse = (at: Date | null) => (at ? `dernière utilisation le ${formatDateTime(at)}` : "jamais utilisée");

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <BackLink href="/espace">Retour à mon espace</BackLink>
        <h1 className="text-3xl font-bold text-brand-900">Sécurité : double authentification</h1>
        <p className="text-slate-700">
          Après votre mot de passe, le portail vous demande une deuxième preuve : un code de votre application
          d&apos;authentification ou une clé d&apos;accès. Un mot de passe volé ne suffit plus pour entrer dans votre compte.
        </p>
      </div>
      {viewer.secondFactor.required ? (
        <Alert kind="warning" title="Double authentification obligatoire">
          <p>
            {viewer.role === "OPERATOR"
              ? "Les comptes des opérateurs du portail doivent utiliser la double authentification."
              : viewer.role === "ADMINISTRATOR"
                ? "Le délai de 14 jours accordé à l'administrateur est passé, ou votre organisation l'exige."
                : "Votre organisation exige la double authentification pour tous ses comptes."}{" "}
            Ajoutez une application d&apos;authentification ou une clé d&apos;accès pour continuer à utiliser le portail.
          </p>
        </Alert>
      ) : viewer.secondFactor.deadline ? (
        <Alert kind="warning" title="Double authentification à ajouter">
          <p>En tant qu&apos;administrateur, ajoutez une méthode avant le {formatDate(viewer.secondFactor.deadline)}.</p>
        </Alert>
      ) : null}

      <Section id="application" title="Application d'authentification">
        {factors.totp ? (
          <>
            <p>
              Enregistrée le {formatDateTime(factors.totp.confirmedAt)} ; {factors.totp.lastUsedAt ? `dernier code accepté le ${formatDateTime(factors.totp.lastUsedAt)}` : "aucun code encore utilisé"}.
            </p>
            <RemoveTotpForm />
          </>
        ) : (
          <>
            <p>Une application sur votre téléphone affiche un code à 6 chiffres qui change toutes les 30 secondes.</p>
            <AddTotpFlow />
          </>
        )}
      </Section>

      <Section id="cles" title="Clés d'accès">
        <p>
          Une clé d&apos;accès utilise l&apos;empreinte, le visage ou le code de votre appareil, ou une clé de sécurité USB ou
          NFC. Vous pouvez en enregistrer plusieurs.
        </p>
        {factors.passkeys.length ? (
          <ul className="space-y-4">
            {factors.passkeys.map((passkey) => (
              <li key={passkey.id} className="space-y-3 rounded border border-slate-200 p-4">
                <p>
                  <strong>{passkey.name}</strong> · ajoutée le {formatDate(passkey.createdAt)} · {lastUse(passkey.lastUsedAt)}
                </p>
                <RemovePasskeyForm passkey={{ id: passkey.id, name: passkey.name }} />
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucune clé d&apos;accès enregistrée.</p>
        )}
        <AddPasskeyFlow />
      </Section>

      <Section id="codes" title="Codes de secours">
        {count ? (
          <>
            <p>
              Il vous reste <strong>{factors.recoveryCodesLeft}</strong> code{factors.recoveryCodesLeft > 1 ? "s" : ""} de secours sur 10.
              Chacun ne sert qu&apos;une fois.
            </p>
            <RegenerateRecoveryCodesForm />
          </>
        ) : (
          <p>Les dix codes de secours vous sont donnés quand vous ajoutez votre première méthode.</p>
        )}
      </Section>

      <Section id="connexions" title="Mes dernières connexions">
        {space.loginEvents.length ? (
          <TableRegion label="Les dix dernières connexions à ce compte">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Les dix dernières connexions à ce compte</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">Date</th>
                  <th scope="col" className="py-2 pr-4">Navigateur</th>
                  <th scope="col" className="py-2">Adresse réseau</th>
                </tr>
              </thead>
              <tbody>
                {space.loginEvents.map((event) => (
                  <tr key={event.createdAt.toISOString()} className="border-b border-slate-100">
                    <td className="py-2 pr-4">{formatDateTime(event.createdAt)}</td>
                    <td className="py-2 pr-4">{browserName(event.userAgent)}</td>
                    <td className="py-2">{event.ipAddress ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          <p>Aucune connexion enregistrée.</p>
        )}
        <div className="space-y-3 border-t border-slate-200 pt-4">
          <p>
            Une connexion que vous ne reconnaissez pas, un ordinateur partagé resté connecté ? Fermez toutes les
            sessions de ce compte, sur cet appareil et sur tous les autres : il faudra ensuite vous reconnecter
            partout.
          </p>
          <SignOutEverywhereForm />
        </div>
      </Section>
    </div>
  );
}
