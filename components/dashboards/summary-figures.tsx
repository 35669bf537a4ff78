// The figures a dashboard opens with (issue 16 item 7): for each series, its value over the
// period and how it changed against the previous period of the same length. Shared wording
// with the PDF (lib/dashboards/summary-text.ts).
import { summaryLines } from "@/lib/dashboards/summary-text";
import type { SummaryFigure } from "@/lib/dashboards/build";
import type { PeriodRange } from "@/lib/dashboards/periods";

export function SummaryFigures({ figures, range, previous }: { figures: SummaryFigure[]; range: PeriodRange; previous: PeriodRange }) {
  if (!figures.length) return null;
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {figures.map((figure) => {
        const lines = summaryLines(figure, range, previous);
        return (
          <div key={figure.metric} className="rounded-lg border border-slate-200 bg-slate-50 p-4">
            <dt className="font-medium text-slate-800">{figure.label}</dt>
            <dd className="text-3xl font-bold tabular-nums text-brand-900">{lines.value}</dd>
            <dd className="text-sm text-slate-700">{lines.when}</dd>
            {lines.change ? <dd className="text-sm text-slate-700">{lines.change}</dd> : null}
          </div>
        );
      })}
    </dl>
  );
}
