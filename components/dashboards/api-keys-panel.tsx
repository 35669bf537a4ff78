"use client";

// The operator's API keys of one e-service (DASH-1): create, rotate, revoke. A new key is
// shown once, right after it is made; the list only ever shows prefixes.
import { useActionState } from "react";
import { ResultMessage, useFocusResult } from "@/components/ui/action-result";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SubmitButton } from "@/components/ui/submit-button";
import { apiKeyAction, type ApiKeyResult } from "@/lib/dashboards/actions";
import { IDLE, type FormState } from "@/lib/forms";
import { TableRegion } from "@/components/ui/table-region";
import { formatDateTime } from "@/lib/calendar";

export interface ApiKeyRow {
  id: string;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso)) : "jamais");

export function ApiKeysPanel({ eServiceId, serviceName, keys }: { eServiceId: string; serviceName: string; keys: ApiKeyRow[] }) {
  const [state, action] = useActionState<FormState<ApiKeyResult>, FormData>(apiKeyAction, IDLE);
  useFocusResult(state, "cles-message");

  return (
    <div className="space-y-4">
      <ResultMessage id="cles-message" state={state} title={state.status === "success" ? state.message : undefined}>
        {state.status === "success" && state.result.key ? (
          <div className="space-y-2">
            <p>
              Copiez cette clé maintenant et transmettez-la à l&apos;équipe de l&apos;e-service par un canal sûr : elle
              ne sera plus jamais affichée.
            </p>
            <p>
              <code data-testid="nouvelle-cle" className="block break-all rounded bg-white px-2 py-1 font-mono text-slate-900">
                {state.result.key}
              </code>
            </p>
          </div>
        ) : undefined}
      </ResultMessage>

      <form action={action}>
        <input type="hidden" name="eServiceId" value={eServiceId} />
        <input type="hidden" name="operation" value="create" />
        <SubmitButton>Créer une clé d&apos;API</SubmitButton>
      </form>

      {keys.length ? (
        <TableRegion label={`Clés d'API de l'e-service ${serviceName}`}>
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Clés d&apos;API de l&apos;e-service {serviceName}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3">Préfixe</th>
              <th scope="col" className="py-2 pr-3">Créée le</th>
              <th scope="col" className="py-2 pr-3">Dernière utilisation</th>
              <th scope="col" className="py-2 pr-3">État</th>
              <th scope="col" className="py-2">Actions</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-2 pr-3 font-mono font-normal">{key.prefix}</th>
                <td className="py-2 pr-3">
                  {when(key.createdAt)}
                  {key.createdBy ? ` par ${key.createdBy}` : ""}
                </td>
                <td className="py-2 pr-3">{when(key.lastUsedAt)}</td>
                <td className="py-2 pr-3">{key.revokedAt ? `Révoquée le ${when(key.revokedAt)}` : "Active"}</td>
                <td className="py-2">
                  {key.revokedAt ? null : (
                    <div className="flex flex-wrap gap-2">
                      <form action={action}>
                        <input type="hidden" name="eServiceId" value={eServiceId} />
                        <input type="hidden" name="keyId" value={key.id} />
                        <input type="hidden" name="operation" value="rotate" />
                        <ConfirmButton
                          title={`Renouveler la clé ${key.prefix} ?`}
                          consequence={<p>La clé {key.prefix} cesse de fonctionner aussitôt : l&apos;e-service {serviceName} ne pourra plus envoyer de chiffres tant que son équipe n&apos;aura pas installé la nouvelle clé.</p>}
                          confirmLabel="Renouveler la clé"
                        >
                          Renouveler<span className="sr-only"> la clé {key.prefix}</span>
                        </ConfirmButton>
                      </form>
                      <form action={action}>
                        <input type="hidden" name="eServiceId" value={eServiceId} />
                        <input type="hidden" name="keyId" value={key.id} />
                        <input type="hidden" name="operation" value="revoke" />
                        <ConfirmButton
                          title={`Révoquer la clé ${key.prefix} ?`}
                          consequence={<p>L&apos;e-service {serviceName} ne pourra plus envoyer de chiffres avec cette clé, et les tableaux de bord des organisations abonnées ne seront plus mis à jour par elle.</p>}
                          confirmLabel="Révoquer la clé"
                        >
                          Révoquer<span className="sr-only"> la clé {key.prefix}</span>
                        </ConfirmButton>
                      </form>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableRegion>
      ) : (
        <p>Aucune clé pour l&apos;instant : cet e-service ne peut pas encore envoyer de chiffres.</p>
      )}
    </div>
  );
}
