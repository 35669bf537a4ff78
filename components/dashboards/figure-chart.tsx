"use client";

// One dashboard chart (DASH-3), drawn by recharts in the browser. The chart repeats the table
// that follows it, which is the accessible form of the same data: the chart itself is hidden
// from assistive technologies and not focusable.
//
// Drawn in the browser only: the server renders the empty box of the same size. Rendering
// recharts' SVG on the server cost most of the dashboard page's CPU time and HTML, for a
// drawing the browser redraws at its real width anyway (SPEC "Performance targets").
import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Section } from "@/lib/dashboards/build";
import { formatFigure } from "@/lib/dashboards/build";
import { seriesColour } from "@/lib/dashboards/palette";

const noSubscription = () => () => undefined;

/** False while rendering on the server and hydrating, true once in the browser. */
function useInBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function FigureChart({ section }: { section: Pick<Section, "chart" | "columns" | "rows"> }) {
  const inBrowser = useInBrowser();
  const data = section.rows.map((row) => ({
    label: row.label,
    ...Object.fromEntries(section.columns.map((column, index) => [column.metric, row.values[index]])),
  }));
  const common = { data, accessibilityLayer: false, margin: { top: 8, right: 16, bottom: 8, left: 0 } } as const;
  const axes = (
    <>
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#334155" }} minTickGap={24} />
      <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} width={48} tickFormatter={(value: number) => formatFigure(value)} />
      <Tooltip formatter={(value) => formatFigure(typeof value === "number" ? value : null)} />
      <Legend wrapperStyle={{ fontSize: 13 }} />
    </>
  );
  if (!inBrowser) return <div aria-hidden="true" className="h-72 w-full" />;
  return (
    <div aria-hidden="true" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 288 }}>
        {section.chart === "bar" ? (
          <BarChart {...common}>
            {axes}
            {section.columns.map((column, index) => (
              <Bar key={column.metric} dataKey={column.metric} name={column.label} fill={seriesColour(index)} isAnimationActive={false} />
            ))}
          </BarChart>
        ) : (
          <LineChart {...common}>
            {axes}
            {section.columns.map((column, index) => (
              <Line
                key={column.metric}
                type="monotone"
                dataKey={column.metric}
                name={column.label}
                stroke={seriesColour(index)}
                strokeWidth={2}
                dot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
