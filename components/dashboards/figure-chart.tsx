"use client";

// One dashboard chart (DASH-3), drawn by recharts in the browser. The chart repeats the table
// that follows it, which is the accessible form of the same data: the chart itself is hidden
// from assistive technologies and not focusable.
// No series may hide another (issue 16 item 7):
// - counts of a day (logins, an e-service's figures) are bars, grouped side by side, each
//   series with its colour and its own pattern, named in the legend: no smoothed line, no
//   weekend sawtooth, and two equal series stand next to each other;
// - levels (accounts by status, permissions held) are drawn one small chart per series, as
//   straight steps, so that equal levels never sit on the same line.
// Drawn in the browser only: the server renders an empty box. Rendering recharts' SVG on the
// server cost most of the dashboard page's CPU time and HTML, for a drawing the browser
// redraws at its real width anyway (SPEC "Performance targets", issue 17 item 2).
import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Section } from "@/lib/dashboards/build";
import { formatFigure } from "@/lib/dashboards/build";
import { SERIES_PATTERNS, seriesColour } from "@/lib/dashboards/palette";

const TICK = { fontSize: 12, fill: "#334155" };

/** The SVG patterns of the bar series: a colour and a texture each (solid, stripes, dots…). */
function Patterns({ prefix, count }: { prefix: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, index) => {
        const colour = seriesColour(index);
        const pattern = SERIES_PATTERNS[index % SERIES_PATTERNS.length];
        return (
          <pattern key={index} id={`${prefix}-${index}`} patternUnits="userSpaceOnUse" width="6" height="6">
            <rect width="6" height="6" fill={pattern === "solid" ? colour : "#ffffff"} />
            {pattern === "stripes" ? <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke={colour} strokeWidth="2.2" /> : null}
            {pattern === "dots" ? <circle cx="3" cy="3" r="2" fill={colour} /> : null}
            {pattern === "cross" ? <path d="M0,0 L6,6 M6,0 L0,6" stroke={colour} strokeWidth="1.6" /> : null}
            {pattern === "horizontal" ? <path d="M0,1.5 H6 M0,4.5 H6" stroke={colour} strokeWidth="1.6" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

function BarFigureChart({ section }: { section: Pick<Section, "id" | "columns" | "rows"> }) {
  const data = section.rows.map((row) => ({
    label: row.label,
    ...Object.fromEntries(section.columns.map((column, index) => [column.metric, row.values[index]])),
  }));
  const prefix = `motif-${section.id}`;
  return (
    <div aria-hidden="true" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 288 }}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} barGap={1} barCategoryGap="15%">
          <Patterns prefix={prefix} count={section.columns.length} />
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={TICK} minTickGap={24} />
          <YAxis allowDecimals={false} tick={TICK} width={48} tickFormatter={(value: number) => formatFigure(value)} />
          <Tooltip formatter={(value) => formatFigure(typeof value === "number" ? value : null)} />
          <Legend wrapperStyle={{ fontSize: 13 }} iconType="square" />
          {section.columns.map((column, index) => (
            <Bar
              key={column.metric}
              dataKey={column.metric}
              name={column.label}
              fill={`url(#${prefix}-${index})`}
              stroke={seriesColour(index)}
              strokeWidth={section.columns.length > 1 ? 0.8 : 0}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function LevelCharts({ section }: { section: Pick<Section, "columns" | "rows"> }) {
  return (
    <div aria-hidden="true" className={`grid gap-4 ${section.columns.length > 1 ? "sm:grid-cols-2" : ""}`}>
      {section.columns.map((column, index) => {
        const data = section.rows.map((row) => ({ label: row.label, value: row.values[index] }));
        return (
          <figure key={column.metric} className="space-y-1">
            <figcaption className="flex items-center gap-2 text-sm font-medium text-slate-800">
              <span className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: seriesColour(index) }} />
              {column.label}
            </figcaption>
            <div className="h-40 w-full">
              <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 160 }}>
                <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
                  <CartesianGrid stroke="#e2e8f0" vertical={false} />
                  <XAxis dataKey="label" tick={TICK} minTickGap={32} />
                  <YAxis allowDecimals={false} tick={TICK} width={40} tickFormatter={(value: number) => formatFigure(value)} domain={[0, "auto"]} />
                  <Tooltip formatter={(value) => formatFigure(typeof value === "number" ? value : null)} />
                  <Line
                    type="stepAfter"
                    dataKey="value"
                    name={column.label}
                    stroke={seriesColour(index)}
                    strokeWidth={2}
                    dot={data.length <= 31 ? { r: 2.5, fill: seriesColour(index) } : false}
                    connectNulls={false}
                    isAnimationActive={false}
                  />
                </LineChart>
              </ResponsiveContainer>
            </div>
          </figure>
        );
      })}
    </div>
  );
}

const noSubscription = () => () => undefined;

/** False while rendering on the server and hydrating, true once in the browser. */
function useInBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function FigureChart({ section }: { section: Pick<Section, "id" | "chart" | "columns" | "rows"> }) {
  const inBrowser = useInBrowser();
  if (!inBrowser) return <div aria-hidden="true" className="min-h-72 w-full" />;
  return section.chart === "bar" ? <BarFigureChart section={section} /> : <LevelCharts section={section} />;
}
