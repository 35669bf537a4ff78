// "Vous n'avez pas trouvé ?" at the bottom of every help page (HELP-2): the assistance form
// and the support contacts from configuration (HELP-5).
import { supportContacts } from "@/lib/support-contacts";
import { AssistanceForm, type AssistanceDefaults } from "./assistance-form";

export function AssistanceSection({ defaults }: { defaults: AssistanceDefaults }) {
  const contacts = supportContacts();
  return (
    <section id="assistance" aria-labelledby="assistance-titre" className="scroll-mt-4 space-y-4 rounded-lg border-2 border-brand-700 p-6">
      <h2 id="assistance-titre" className="text-2xl font-bold text-brand-900">
        Vous n&apos;avez pas trouvé ?
      </h2>
      <p className="text-slate-800">
        Écrivez-nous : un opérateur du portail vous répond par courriel, et vous recevez tout de suite un numéro de
        demande. Vous pouvez aussi écrire à <a href={`mailto:${contacts.email}`}>{contacts.email}</a> ou appeler le{" "}
        {contacts.phone}, {contacts.hours}.
      </p>
      <AssistanceForm defaults={defaults} />
    </section>
  );
}
