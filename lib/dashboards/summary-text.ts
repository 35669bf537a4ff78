// The words of a dashboard's summary figure, on screen and in the PDF: pure.
import { formatDay } from "../calendar";
import { formatFigure, type SummaryFigure } from "./build";
import { describeChange, type PeriodRange } from "./periods";

const PREVIOUS_PERIOD: Record<PeriodRange["period"], string> = {
  "30j": "aux 30 jours précédents",
  "90j": "aux 90 jours précédents",
  "12m": "aux 12 mois précédents",
};

const OVER_PERIOD: Record<PeriodRange["period"], string> = {
  "30j": "sur les 30 derniers jours",
  "90j": "sur les 90 derniers jours",
  "12m": "sur les 12 derniers mois",
};

/** "12", "aujourd'hui" / "sur les 30 derniers jours", "+3 (+25 %) par rapport aux 30 jours précédents". */
export function summaryLines(figure: SummaryFigure, range: PeriodRange, previous: PeriodRange): { value: string; when: string; change: string | null } {
  const change = describeChange(figure.value, figure.previous, (value) => formatFigure(value));
  if (figure.aggregation === "sum") {
    return {
      value: formatFigure(figure.value ?? 0),
      when: OVER_PERIOD[range.period],
      change: change ? `${change === "stable" ? "Stable" : change} par rapport ${PREVIOUS_PERIOD[range.period]}` : null,
    };
  }
  const since = `le ${formatDay(previous.to)} au soir`;
  return {
    value: formatFigure(figure.value),
    when: figure.today ? "aujourd'hui" : `le ${formatDay(range.to)} au soir`,
    change: change ? `${change === "stable" ? "Stable" : change} depuis ${since}` : null,
  };
}
