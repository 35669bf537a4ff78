import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { OpenEServiceForm } from "@/components/e-services/open-e-service-form";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { buttonClass } from "@/components/ui/submit-button";
import { ownAdministratorRequest } from "@/lib/admin-requests/queries";
import { HOME_PATH } from "@/lib/auth/home-path";
import { isOrganisationManager, requireViewer, type OperatorViewer, type OrganisationManagerViewer } from "@/lib/auth/guards";
import type { Viewer } from "@/lib/auth/viewer";
import { formatDay } from "@/lib/calendar";
import { administratorTasks, memberHome, SUBSCRIPTION_ENDING_DAYS } from "@/lib/home/queries";
import { unmanagedOrganisations } from "@/lib/deputies/queries";
import { countQueuedLetters } from "@/lib/letters/queries";
import { countTicketsAwaitingOperator } from "@/lib/support/queries";

export const metadata: Metadata = { title: "Accueil" };

interface Task {
  key: string;
  /** What is to be done, with its count. */
  text: ReactNode;
  href?: string;
  linkLabel?: string;
  /** Nothing waits: shown quietly, for the figure is still worth knowing. */
  done?: boolean;
}

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

async function administratorTaskList(administrator: OrganisationManagerViewer): Promise<Task[]> {
  const tasks = await administratorTasks(administrator);
  // Subscriptions stay with the administrator (DEP-1): a deputy is told, without the link.
  const subscriptionsLink = administrator.role === "ADMINISTRATOR" ? { href: "/administration/abonnements", linkLabel: "Gérer les abonnements" } : {};
  return [
    {
      key: "comptes",
      text: tasks.accountsToValidate
        ? `${plural(tasks.accountsToValidate, "compte attend", "comptes attendent")} votre validation.`
        : "Aucun compte n'attend votre validation.",
      href: "/administration/comptes?statut=PENDING_VALIDATION",
      linkLabel: "Valider les comptes",
      done: !tasks.accountsToValidate,
    },
    // Someone of the organisation asked to become administrator: the legal representative decides (LR-1, LR-5).
    ...tasks.pendingLetters.map((letter) => ({
      key: `courrier-${letter.number}`,
      text: `Demande d'administrateur n° ${letter.number} (${letter.requester}) : ${
        letter.posted ? "le courrier est posté, le représentant légal doit saisir son code." : "le courrier au représentant légal est en cours d'impression."
      }`,
    })),
    ...(tasks.endingSubscriptions.length
      ? tasks.endingSubscriptions.map((subscription) => ({
          key: `abonnement-${subscription.id}`,
          text: `L'abonnement à ${subscription.eServiceName} se termine le ${formatDay(subscription.endDate)}.`,
          ...subscriptionsLink,
        }))
      : [
          {
            key: "abonnements",
            text: `Aucun abonnement ne se termine dans les ${SUBSCRIPTION_ENDING_DAYS} prochains jours.`,
            ...subscriptionsLink,
            done: true,
          },
        ]),
  ];
}

async function operatorTaskList(operator: OperatorViewer): Promise<Task[]> {
  const [letters, tickets, unmanaged] = await Promise.all([countQueuedLetters(operator), countTicketsAwaitingOperator(operator), unmanagedOrganisations(operator)]);
  return [
    {
      key: "courrier",
      text: letters ? `${plural(letters, "courrier attend", "courriers attendent")} d'être imprimé${letters > 1 ? "s" : ""}.` : "Aucun courrier à imprimer.",
      href: "/operateur/courrier",
      linkLabel: "Ouvrir le courrier",
      done: !letters,
    },
    {
      key: "assistance",
      text: tickets.awaiting
        ? `${plural(tickets.awaiting, "demande d'assistance ouverte", "demandes d'assistance ouvertes")}${
            tickets.replied ? `, dont ${plural(tickets.replied, "avec une réponse du demandeur à lire", "avec une réponse du demandeur à lire")}` : ""
          }.`
        : "Aucune demande d'assistance ouverte.",
      href: "/operateur/assistance",
      linkLabel: "Ouvrir l'assistance",
      done: !tickets.awaiting,
    },
    // DEP-2: people wait in organisations that nobody runs.
    {
      key: "sans-administrateur",
      text: unmanaged.total
        ? `${plural(unmanaged.total, "organisation n'a", "organisations n'ont")} ni administrateur ni suppléant.`
        : "Toutes les organisations qui ont des comptes ont un administrateur ou un suppléant.",
      href: "/operateur#sans-administrateur",
      linkLabel: "Voir les organisations",
      done: !unmanaged.total,
    },
  ];
}

async function ownRequestTasks(viewer: Viewer): Promise<Task[]> {
  if (!viewer.organisationId || viewer.role !== "USER") return [];
  const request = await ownAdministratorRequest(viewer);
  if (!request) return [];
  return [
    {
      key: "ma-demande",
      text: request.overdue
        ? `Votre demande d'administrateur n° ${request.number} n'est toujours pas confirmée : vous pouvez demander un nouveau courrier.`
        : `Votre demande d'administrateur n° ${request.number} attend le code du représentant légal.`,
      href: "/espace#administration",
      linkLabel: "Suivre ma demande",
    },
  ];
}

function TaskList({ tasks }: { tasks: Task[] }) {
  if (!tasks.length) return <p>Rien à faire pour le moment.</p>;
  return (
    <ul className="space-y-3">
      {tasks.map((task) => (
        <li
          key={task.key}
          className={`flex flex-wrap items-center justify-between gap-3 rounded border p-4 ${task.done ? "border-slate-200" : "border-brand-700 bg-brand-50"}`}
        >
          <p className={task.done ? "text-slate-700" : "font-medium text-brand-900"}>{task.text}</p>
          {task.href ? <Link href={task.href}>{task.linkLabel}</Link> : null}
        </li>
      ))}
    </ul>
  );
}

export default async function HomeAfterSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer(HOME_PATH);
  const params = await searchParams;
  const member = viewer.organisationId ? memberHome(viewer) : null;
  const tasks = [
    ...(isOrganisationManager(viewer) ? await administratorTaskList(viewer) : []),
    ...(viewer.role === "OPERATOR" ? await operatorTaskList(viewer as OperatorViewer) : []),
    ...(await ownRequestTasks(viewer)),
  ];
  const home = await member;

  return (
    <div className="space-y-8">
      {params.info === "compte-change" ? (
        <Alert kind="success">
          Vous utilisez maintenant le compte <strong>{viewer.identifier}</strong>
          {viewer.organisationName ? ` (${viewer.organisationName})` : ""}.
        </Alert>
      ) : null}
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Accueil</h1>
        <p className="text-slate-700">
          Bonjour {viewer.firstName} {viewer.lastName}
          {viewer.organisationName ? ` · ${viewer.organisationName}` : " · Opérateur du portail"}
        </p>
      </div>

      <Section id="a-faire" title="À faire">
        <TaskList tasks={tasks} />
      </Section>

      {home ? (
        <>
          <Section id="mes-e-services" title="Mes e-services">
            {home.eServices.length ? (
              <ul className="space-y-3">
                {home.eServices.map((service) => (
                  <li key={service.slug} className="flex flex-wrap items-center justify-between gap-3 rounded border border-slate-200 p-4">
                    <Link href={`/e-services/${service.slug}`} className="font-medium">
                      {service.name}
                    </Link>
                    {service.consentNeeded ? (
                      <Link href={`/e-services/${service.slug}`} className={`${buttonClass} no-underline hover:text-white`}>
                        Ouvrir<span className="sr-only"> {service.name}</span>
                      </Link>
                    ) : (
                      <OpenEServiceForm slug={service.slug} serviceName={service.name} label="Ouvrir" />
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p>
                Aucun e-service ne peut être ouvert aujourd&apos;hui avec votre compte.{" "}
                <Link href="/e-services">Savoir pourquoi et à qui le demander</Link>
              </p>
            )}
          </Section>

          <Section id="mes-tableaux-de-bord" title="Mes tableaux de bord">
            <ul className="list-inside list-disc space-y-1">
              <li>
                <Link href="/tableaux-de-bord#tableau-portail">Portail : comptes et connexions de l&apos;organisation</Link>
              </li>
              {home.dashboards.map((dashboard) => (
                <li key={dashboard.slug}>
                  <Link href={`/tableaux-de-bord#tableau-${dashboard.slug}`}>{dashboard.name}</Link>
                </li>
              ))}
            </ul>
          </Section>
        </>
      ) : null}
    </div>
  );
}
