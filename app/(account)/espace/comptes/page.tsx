import type { Metadata } from "next";
import { SwitchAccountForm } from "@/components/space/space-forms";
import { SpacePage } from "@/components/space/space-page";
import { Section } from "@/components/ui/section";
import { switchableAccounts } from "@/lib/accounts/queries";
import { ROLE_LABELS } from "@/lib/accounts/schemas";
import { unlockKey } from "@/lib/accounts/switch-account";
import { requireViewer } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Mes autres comptes" };

/** ORG-5: the accounts sharing this verified address, each reached without logging out. */
export default async function OtherAccountsPage() {
  const viewer = await requireViewer("/espace/comptes");
  const others = await switchableAccounts(viewer);
  return (
    <SpacePage title="Mes autres comptes" intro="Un compte par organisation : passez de l'un à l'autre sans vous déconnecter.">
      <Section id="comptes" title="Mes autres comptes">
        {others.length ? (
          <>
            <p className="text-slate-700">
              Ces comptes utilisent la même adresse électronique, dans d&apos;autres organisations. Le mot de passe de
              chacun n&apos;est demandé qu&apos;une fois pendant la session de votre navigateur.
            </p>
            <ul className="space-y-4">
              {others.map((account) => (
                <li key={account.id} className="rounded border border-slate-200 p-4">
                  <p className="mb-2 font-medium">
                    {account.organisation?.name} · <span className="font-mono">{account.identifier}</span> · {ROLE_LABELS[account.role]}
                  </p>
                  <SwitchAccountForm
                    account={{ id: account.id, identifier: account.identifier, organisationName: account.organisation?.name ?? "" }}
                    unlocked={viewer.unlockedAccountIds.includes(unlockKey(account.id, account.sessionVersion))}
                  />
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>
            Aucun autre compte n&apos;utilise votre adresse électronique vérifiée. Si vous travaillez pour une autre
            organisation, inscrivez-vous pour elle avec la même adresse : le compte apparaîtra ici une fois activé et
            validé.
          </p>
        )}
      </Section>
    </SpacePage>
  );
}
