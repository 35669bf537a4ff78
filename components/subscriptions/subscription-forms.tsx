"use client";

// The forms of the subscriptions page (ADM-1): subscribe to an e-service after reading and
// accepting its terms, and end a subscription. Several of them share the page, so every
// field id carries the e-service's slug.
import { describedBy, FieldError, FieldLabel, inputClass, RequiredMark } from "@/components/ui/field";
import { ActionForm } from "@/components/space/action-form";
import { endSubscriptionAction, subscribeAction } from "@/lib/subscriptions/actions";
import { termsLabel } from "@/lib/subscriptions/schemas";

function DateField({ id, name, label, hint, min, error, defaultValue }: { id: string; name: string; label: string; hint: string; min: string; error?: string; defaultValue?: string }) {
  return (
    <div className="space-y-1">
      <FieldLabel id={id} label={label} />
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      <input
        id={id}
        type="date"
        name={name}
        min={min}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${inputClass} max-w-xs`}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

export function SubscribeForm({ eServiceId, slug, name, termsText, today }: { eServiceId: string; slug: string; name: string; termsText: string; today: string }) {
  const id = `abonner-${slug}`;
  return (
    <ActionForm id={id} action={subscribeAction} submitLabel={`S'abonner à ${name}`}>
      {({ values, errors }) => (
        <>
          <input type="hidden" name="eServiceId" value={eServiceId} />
          <div className="space-y-1">
            <h3 id={`${id}-conditions-titre`} className="font-medium">
              Conditions d&apos;utilisation de « {name} »
            </h3>
            <div
              id={`${id}-conditions`}
              role="region"
              aria-labelledby={`${id}-conditions-titre`}
              tabIndex={0}
              className="max-h-48 overflow-y-auto whitespace-pre-line rounded border border-slate-300 bg-slate-50 p-3 text-sm"
            >
              {termsText}
            </div>
          </div>
          <div className="space-y-1">
            <div className="flex items-start gap-2">
              <input
                id={`${id}-acceptTerms`}
                type="checkbox"
                name="acceptTerms"
                value="on"
                required
                defaultChecked={values.acceptTerms === "on"}
                aria-invalid={errors.acceptTerms ? true : undefined}
                aria-describedby={describedBy(`${id}-acceptTerms`, undefined, errors.acceptTerms) ?? `${id}-conditions`}
                className="mt-1 h-4 w-4 accent-brand-700"
              />
              <div>
                <label htmlFor={`${id}-acceptTerms`}>{termsLabel(name)}</label>
                <RequiredMark />
              </div>
            </div>
            <FieldError id={`${id}-acceptTerms`} error={errors.acceptTerms} />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <DateField id={`${id}-startDate`} name="startDate" label="Date de début" hint="Laissez vide pour commencer aujourd'hui." min={today} error={errors.startDate} defaultValue={values.startDate} />
            <DateField id={`${id}-endDate`} name="endDate" label="Date de fin (facultative)" hint="Dernier jour d'accès inclus ; laissez vide pour un abonnement sans fin." min={today} error={errors.endDate} defaultValue={values.endDate} />
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** "Les 12 personnes qui utilisent X n'y auront plus accès": what ending the subscription does. */
function endConsequence(name: string, users: number) {
  const after = "après le dernier jour d'accès choisi (ce soir si vous le laissez vide)";
  const who =
    users === 0
      ? `Personne n'utilise ${name} dans votre organisation aujourd'hui ; ${after}, plus personne ne pourra y accéder sans nouvel abonnement.`
      : users === 1
        ? `La personne qui utilise ${name} n'y aura plus accès ${after}.`
        : `Les ${users} personnes qui utilisent ${name} n'y auront plus accès ${after}.`;
  return (
    <>
      <p>{who}</p>
      <p>Les permissions sont conservées : elles reprendront effet si l&apos;organisation s&apos;abonne de nouveau.</p>
    </>
  );
}

export function EndSubscriptionForm({ subscriptionId, slug, name, minDate, users }: { subscriptionId: string; slug: string; name: string; minDate: string; users: number }) {
  const id = `terminer-${slug}`;
  return (
    <ActionForm
      id={id}
      action={endSubscriptionAction}
      submitLabel={`Mettre fin à l'abonnement à ${name}`}
      variant="secondary"
      confirm={{ title: `Mettre fin à l'abonnement à ${name} ?`, consequence: endConsequence(name, users), confirmLabel: "Mettre fin à l'abonnement" }}
    >
      {({ values, errors }) => (
        <>
          <input type="hidden" name="subscriptionId" value={subscriptionId} />
          <DateField
            id={`${id}-endDate`}
            name="endDate"
            label="Dernier jour d'accès"
            hint="Laissez vide pour arrêter ce soir. Les permissions accordées sont conservées, mais l'e-service n'est plus utilisable après cette date."
            min={minDate}
            error={errors.endDate}
            defaultValue={values.endDate}
          />
        </>
      )}
    </ActionForm>
  );
}
