import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { devMailboxEnabled } from "@/lib/env";
import type { EmailStatus } from "@/lib/generated/prisma/client";
import { formatParisShortDateTime } from "@/lib/mail/format";
import { listMailboxMessages, MAILBOX_LIMIT } from "@/lib/mail/queries";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Boîte aux lettres de développement",
  robots: { index: false, follow: false },
};

const STATUS_LABELS: Record<EmailStatus, string> = {
  PENDING: "En file d'attente",
  SENT: "Traité",
  FAILED: "Envoi abandonné",
};

/** The dev mailbox (MAIL-2): every message of the outbox, newest first. */
export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!devMailboxEnabled()) notFound();
  const { to } = await searchParams;
  const filter = typeof to === "string" ? to.trim().slice(0, 320) : "";
  const messages = await listMailboxMessages({ to: filter || undefined });

  return (
    <div className="space-y-8">
      <div className="max-w-3xl space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">Boîte aux lettres de développement</h1>
        <p className="text-lg text-slate-700">
          Les courriels que le portail a préparés, du plus récent au plus ancien. Sans clé d&apos;envoi configurée, aucun
          ne quitte cette machine : ils ne sont lisibles qu&apos;ici. Cette page n&apos;existe pas en production.
        </p>
      </div>

      <form
        method="get"
        action="/dev/mailbox"
        role="search"
        aria-label="Filtrer les messages"
        className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-brand-50 p-4"
      >
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="mailbox-to" className="font-medium text-slate-900">
            Adresse électronique du destinataire
          </label>
          <input
            id="mailbox-to"
            name="to"
            type="email"
            defaultValue={filter}
            autoComplete="off"
            className="rounded border border-slate-500 bg-white px-3 py-2 text-slate-900"
          />
        </div>
        <button
          type="submit"
          className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          Filtrer
        </button>
        {filter ? (
          <Link href="/dev/mailbox" className="py-2 text-sm font-medium">
            Afficher tous les messages
          </Link>
        ) : null}
      </form>

      <p className="text-slate-700">
        {messages.length === 0
          ? filter
            ? `Aucun message pour ${filter}.`
            : "Aucun message pour le moment."
          : `${messages.length} message${messages.length > 1 ? "s" : ""}${filter ? ` pour ${filter}` : ""}${
              messages.length === MAILBOX_LIMIT ? ` (seuls les ${MAILBOX_LIMIT} plus récents sont affichés)` : ""
            }.`}
      </p>

      {messages.length > 0 ? (
        <ol className="space-y-6">
          {messages.map((message) => {
            const headingId = `message-${message.id}`;
            return (
              <li key={message.id}>
                <article aria-labelledby={headingId} className="space-y-4 rounded border border-slate-200 p-5 shadow-sm">
                  <h2 id={headingId} className="text-xl font-semibold text-brand-900">
                    {message.subject}
                  </h2>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                    <dt className="font-medium text-slate-600">Destinataire</dt>
                    <dd className="break-all text-slate-900">{message.to}</dd>
                    <dt className="font-medium text-slate-600">Date</dt>
                    <dd className="text-slate-900">
                      <time dateTime={message.createdAt.toISOString()}>{formatParisShortDateTime(message.createdAt)}</time>
                    </dd>
                    <dt className="font-medium text-slate-600">Modèle</dt>
                    <dd className="text-slate-900">{message.template}</dd>
                    <dt className="font-medium text-slate-600">État</dt>
                    <dd className="text-slate-900">{STATUS_LABELS[message.status]}</dd>
                  </dl>
                  <section aria-labelledby={`${headingId}-text`} className="space-y-2">
                    <h3 id={`${headingId}-text`} className="font-semibold text-slate-900">
                      Texte du message
                    </h3>
                    <pre className="whitespace-pre-wrap break-words rounded bg-slate-50 p-4 font-sans text-sm text-slate-800">
                      {message.text}
                    </pre>
                  </section>
                  {message.links.length > 0 ? (
                    <section aria-labelledby={`${headingId}-links`} className="space-y-2">
                      <h3 id={`${headingId}-links`} className="font-semibold text-slate-900">
                        Liens du message
                      </h3>
                      <ul className="list-inside list-disc space-y-1 text-sm">
                        {message.links.map((link) => (
                          <li key={link} className="break-all">
                            <a href={link}>{link}</a>
                          </li>
                        ))}
                      </ul>
                    </section>
                  ) : null}
                  <p className="text-sm">
                    <a href={`/api/dev/mailbox/${message.id}/html`}>
                      Voir la version HTML<span className="sr-only"> du message « {message.subject} »</span>
                    </a>
                  </p>
                </article>
              </li>
            );
          })}
        </ol>
      ) : null}
    </div>
  );
}
