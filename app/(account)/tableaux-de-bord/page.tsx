import type { Metadata } from "next";
import Link from "next/link";
import { FigureChart } from "@/components/dashboards/figure-chart";
import { FigureTable } from "@/components/dashboards/figure-table";
import { SummaryFigures } from "@/components/dashboards/summary-figures";
import { requireViewer } from "@/lib/auth/guards";
import { exportHref, periodHref, reportErrorHref } from "@/lib/dashboards/links";
import { describeRange, formatInstant, parsePeriod, PERIOD_LABELS, PERIODS } from "@/lib/dashboards/periods";
import { hasFigures } from "@/lib/dashboards/build";
import { loadDashboards } from "@/lib/dashboards/queries";
import { deNom } from "@/lib/french/names";

export const metadata: Metadata = { title: "Tableaux de bord" };

function PdfIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z" strokeLinejoin="round" />
      <path d="M14 2v6h6" strokeLinejoin="round" />
      <text x="12" y="18" textAnchor="middle" fontSize="6.5" fontWeight="700" fill="currentColor" stroke="none">
        PDF
      </text>
    </svg>
  );
}

export default async function DashboardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("/tableaux-de-bord");
  const period = parsePeriod((await searchParams).periode);
  const result = await loadDashboards(viewer, period);

  if (!result.ok) {
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-bold text-brand-900">Tableaux de bord</h1>
        <p>
          Les tableaux de bord présentent les chiffres d&apos;une organisation à ses membres. Votre compte n&apos;est rattaché à
          aucune organisation : il n&apos;a donc pas de tableau de bord.
        </p>
        <p>
          <Link href={viewer.role === "OPERATOR" ? "/operateur" : "/espace"}>
            {viewer.role === "OPERATOR" ? "Retour à la console opérateur" : "Retour à mon espace"}
          </Link>
        </p>
      </div>
    );
  }

  const { organisation, range, previous, dashboards } = result;
  const firstHeader = range.grouping === "month" ? "Mois" : "Jour";
  // A new organisation has no daily figure yet: one explanation instead of empty charts and
  // tables of dashes. Today's accounts (the console's counts) are known already.
  const noFigures = dashboards.every((dashboard) => dashboard.sections.every((section) => !hasFigures(section)));
  const portal = dashboards[0];

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Tableaux de bord</h1>
        <p className="text-slate-700">
          Les chiffres {deNom(organisation)}, mis à jour chaque jour. Période affichée : {describeRange(range)}.
        </p>
      </div>

      <div className="flex flex-wrap items-end justify-between gap-4">
        <nav aria-label="Période">
          <p className="mb-1 text-sm font-semibold text-slate-800">Période</p>
          <ul className="flex flex-wrap gap-2">
            {PERIODS.map((key) => (
              <li key={key}>
                <Link
                  href={periodHref(key)}
                  aria-current={key === period ? "page" : undefined}
                  className={
                    key === period
                      ? "inline-block rounded bg-brand-700 px-3 py-1.5 font-semibold text-white no-underline hover:text-white"
                      : "inline-block rounded border border-brand-700 px-3 py-1.5 font-medium text-brand-700 no-underline hover:bg-brand-50"
                  }
                >
                  {PERIOD_LABELS[key]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {noFigures ? null : (
          <a
            href={exportHref(period)}
            download
            className="inline-flex items-center gap-2 rounded border border-brand-700 px-3 py-2 font-medium text-brand-700 no-underline hover:bg-brand-50"
          >
            <PdfIcon />
            <span>Exporter en PDF</span>
          </a>
        )}
      </div>

      {noFigures ? (
        <section aria-labelledby="premiers-chiffres" className="space-y-4 rounded-lg border border-slate-200 p-5">
          <h2 id="premiers-chiffres" className="text-2xl font-semibold text-brand-900">
            Les premiers chiffres arrivent demain
          </h2>
          <p>
            Les tableaux de bord sont calculés chaque nuit à partir de l&apos;activité de la veille. Ceux de {organisation.name} apparaîtront
            ici après la prochaine mise à jour quotidienne ; ceux des e-services, dès que chacun aura transmis ses premiers chiffres.
          </p>
          <h3 className="text-lg font-semibold text-slate-900">Comptes de l&apos;organisation aujourd&apos;hui</h3>
          <SummaryFigures figures={portal.summary.filter((figure) => figure.today)} range={range} previous={previous} />
        </section>
      ) : null}

      {noFigures ? null : dashboards.map((dashboard) => (
        <section
          key={dashboard.key}
          aria-labelledby={`tableau-${dashboard.key}`}
          data-dashboard={dashboard.key}
          className="space-y-4 rounded-lg border border-slate-200 p-5"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`tableau-${dashboard.key}`} className="text-2xl font-semibold text-brand-900">
              {dashboard.title}
            </h2>
            <p className="text-sm text-slate-700">
              {dashboard.updatedAt
                ? `Mis à jour le ${formatInstant(new Date(dashboard.updatedAt))}`
                : "Pas encore de chiffres pour cette période : ils apparaîtront après la prochaine mise à jour quotidienne."}
            </p>
          </div>
          <h3 className="sr-only">Chiffres clés</h3>
          <SummaryFigures figures={dashboard.summary} range={range} previous={previous} />
          {dashboard.sections.map((section) =>
            hasFigures(section) ? (
              <div key={section.id} className="space-y-3">
                <h3 className="text-lg font-semibold text-slate-900">{section.title}</h3>
                <FigureChart section={section} />
                <FigureTable section={section} caption={`${section.title}, ${PERIOD_LABELS[period]}`} firstHeader={firstHeader} />
              </div>
            ) : (
              <p key={section.id}>
                {dashboard.key === "portail"
                  ? `${section.title} : aucun chiffre pour cette période.`
                  : "Cet e-service n'a transmis aucun chiffre pour cette période."}
              </p>
            ),
          )}
          <p>
            <Link href={reportErrorHref(dashboard.key, period)} aria-label={`Signaler une erreur dans mes chiffres : tableau ${dashboard.title}`}>
              Signaler une erreur dans mes chiffres
            </Link>
          </p>
        </section>
      ))}
    </div>
  );
}
