// DASH-4: the PDF export of the dashboards a viewer sees. The organisation, the period, the
// date of the data, and for each dashboard its summary figures, then for each section its
// chart, drawn as vector graphics with React-PDF's Svg primitives, and its table condensed
// (newest first, in blocks side by side), with the very figures of the page (same `Dashboard`
// model, same number format). Dashboards follow one another: a compact document.
import { Document, Line, Page, Polyline, Rect, StyleSheet, Svg, View, type DocumentProps } from "@react-pdf/renderer";
import { Text } from "../french/pdf-text";
import type { ReactElement } from "react";
import { SERIES_COLOURS } from "./palette";
import { PDF_FONT_FAMILY } from "../letters/pdf-fonts";
import { formatFigure, hasFigures, type Dashboard, type Section, type SummaryFigure } from "./build";
import { describeRange, formatInstant, type PeriodRange } from "./periods";
import { periodHref } from "./links";
import { accessibleVersionLine, PDF_AUTHOR, PDF_LANGUAGE } from "../pdf-accessibility";
import { summaryLines } from "./summary-text";

export interface DashboardsPdfData {
  organisation: { name: string };
  range: PeriodRange;
  previous: PeriodRange;
  dashboards: Dashboard[];
  exportedAt: Date;
}

const CHART_WIDTH = 470;
const CHART_HEIGHT = 110;
const SMALL_CHART_HEIGHT = 50;
const AXIS_WIDTH = 40;

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 9, paddingTop: 36, paddingBottom: 44, paddingHorizontal: 36, color: "#0f172a" },
  title: { fontSize: 16, fontWeight: "bold", color: "#1e3a8a" },
  meta: { marginTop: 4, fontSize: 10 },
  dashboardTitle: { fontSize: 13, fontWeight: "bold", color: "#1e3a8a", marginTop: 14 },
  updated: { fontSize: 9, color: "#334155", marginTop: 2 },
  sectionTitle: { fontSize: 10, fontWeight: "bold", marginTop: 8, marginBottom: 4 },
  chartRow: { flexDirection: "row" },
  axis: { width: AXIS_WIDTH, height: CHART_HEIGHT, justifyContent: "space-between", alignItems: "flex-end", paddingRight: 4 },
  axisLabel: { fontSize: 7, color: "#334155" },
  xLabels: { flexDirection: "row", justifyContent: "space-between", marginLeft: AXIS_WIDTH, marginTop: 2 },
  legend: { flexDirection: "row", flexWrap: "wrap", marginTop: 4, marginLeft: AXIS_WIDTH },
  legendItem: { flexDirection: "row", alignItems: "center", marginRight: 12, marginBottom: 2 },
  table: { marginTop: 4, borderTopWidth: 0.5, borderColor: "#94a3b8", fontSize: 7 },
  tableBlocks: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start" },
  caption: { fontSize: 8, fontWeight: "bold", marginTop: 6 },
  row: { flexDirection: "row", borderBottomWidth: 0.25, borderColor: "#cbd5e1", paddingVertical: 0.5 },
  headerRow: { flexDirection: "row", borderBottomWidth: 0.75, borderColor: "#475569", paddingVertical: 1.5, backgroundColor: "#f1f5f9" },
  firstCell: { width: 44, paddingLeft: 2 },
  smallCharts: { flexDirection: "row", flexWrap: "wrap" },
  smallTitle: { fontSize: 8, fontWeight: "bold", marginLeft: AXIS_WIDTH, marginBottom: 2 },
  summary: { flexDirection: "row", flexWrap: "wrap", marginTop: 8 },
  summaryItem: { width: "24%", marginRight: "1%", marginBottom: 4, padding: 5, borderWidth: 0.5, borderColor: "#cbd5e1", backgroundColor: "#f8fafc" },
  summaryLabel: { fontSize: 7.5, fontWeight: "bold" },
  summaryValue: { fontSize: 13, fontWeight: "bold", color: "#1e3a8a", marginTop: 1 },
  summaryNote: { fontSize: 7, color: "#334155" },
  cell: { flex: 1, textAlign: "right", paddingRight: 3 },
  headerCell: { fontWeight: "bold" },
  empty: { marginTop: 6 },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, fontSize: 8, color: "#475569", flexDirection: "row", justifyContent: "space-between" },
});

/** 1, 2 or 5 × 10^k: the top of the axis. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * How a bar series is drawn besides its colour, so that series stay apart in grey-scale print
 * (WCAG 1.4.1): solid, outlined, or light with an outline.
 */
function barStyle(index: number) {
  const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
  switch (index % 3) {
    case 0:
      return { fill: colour, stroke: colour, fillOpacity: 1 };
    case 1:
      return { fill: "#ffffff", stroke: colour, fillOpacity: 1 };
    default:
      return { fill: colour, stroke: colour, fillOpacity: 0.35 };
  }
}

function Axis({ top, height }: { top: number; height: number }) {
  return (
    <View style={[styles.axis, { height }]}>
      <Text style={styles.axisLabel}>{formatFigure(top)}</Text>
      <Text style={styles.axisLabel}>{formatFigure(top / 2)}</Text>
      <Text style={styles.axisLabel}>0</Text>
    </View>
  );
}

function Grid({ top, width, height }: { top: number; width: number; height: number }) {
  const y = (value: number) => height - (value / top) * (height - 4);
  return (
    <>
      {[0, 0.5, 1].map((share, index) => (
        <Line key={index} x1={0} y1={y(share * top)} x2={width} y2={y(share * top)} stroke={index === 0 ? "#475569" : "#e2e8f0"} strokeWidth={0.5} />
      ))}
    </>
  );
}

/** Daily (or monthly) counts: grouped bars, side by side, so that equal series never hide each other. */
function BarChartPdf({ section }: { section: Section }) {
  const values = section.rows.flatMap((row) => row.values).filter((value): value is number => value !== null);
  const top = niceCeiling(Math.max(0, ...values));
  const count = section.rows.length;
  const y = (value: number) => CHART_HEIGHT - (value / top) * (CHART_HEIGHT - 4);
  const slot = CHART_WIDTH / Math.max(1, count);
  const barWidth = Math.max(0.4, (slot * 0.8) / section.columns.length);
  const marks = section.rows.flatMap((row, rowIndex) =>
    row.values
      .map((value, columnIndex) => {
        if (value === null || value === 0) return null;
        const style = barStyle(columnIndex);
        return (
          <Rect
            key={`${row.key}-${columnIndex}`}
            x={rowIndex * slot + slot * 0.1 + columnIndex * barWidth}
            y={y(value)}
            width={barWidth}
            height={CHART_HEIGHT - y(value)}
            fill={style.fill}
            fillOpacity={style.fillOpacity}
            stroke={style.stroke}
            strokeWidth={section.columns.length > 1 ? 0.4 : 0}
          />
        );
      })
      .filter((mark): mark is ReactElement => mark !== null),
  );
  return (
    <View wrap={false}>
      <View style={styles.chartRow}>
        <Axis top={top} height={CHART_HEIGHT} />
        <Svg width={CHART_WIDTH} height={CHART_HEIGHT} viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}>
          <Grid top={top} width={CHART_WIDTH} height={CHART_HEIGHT} />
          {marks}
        </Svg>
      </View>
      <View style={[styles.xLabels, { width: CHART_WIDTH }]}>
        <Text style={styles.axisLabel}>{section.rows[0]?.label ?? ""}</Text>
        <Text style={styles.axisLabel}>{section.rows[section.rows.length - 1]?.label ?? ""}</Text>
      </View>
      <View style={styles.legend}>
        {section.columns.map((column, index) => {
          const style = barStyle(index);
          return (
            <View key={column.metric} style={styles.legendItem}>
              <Svg width={9} height={9} viewBox="0 0 9 9" style={{ marginRight: 4 }}>
                <Rect x={0.5} y={0.5} width={8} height={8} fill={style.fill} fillOpacity={style.fillOpacity} stroke={style.stroke} strokeWidth={1} />
              </Svg>
              <Text>{column.label}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}

/** Levels: one small step chart per series, side by side, so that equal levels never overlap. */
function LevelChartsPdf({ section }: { section: Section }) {
  const perRow = section.columns.length > 1 ? 2 : 1;
  const width = perRow === 1 ? CHART_WIDTH : (CHART_WIDTH + AXIS_WIDTH) / 2 - AXIS_WIDTH - 8;
  const height = SMALL_CHART_HEIGHT;
  return (
    <View style={styles.smallCharts} wrap={false}>
      {section.columns.map((column, columnIndex) => {
        const values = section.rows.map((row) => row.values[columnIndex]);
        const top = niceCeiling(Math.max(0, ...values.filter((value): value is number => value !== null)));
        const count = section.rows.length;
        const x = (index: number) => (index / Math.max(1, count)) * width;
        const y = (value: number) => height - (value / top) * (height - 4);
        // Steps: flat over each day (or month), a missing figure breaks the line.
        const runs: string[][] = [[]];
        values.forEach((value, index) => {
          if (value === null) runs.push([]);
          else runs[runs.length - 1].push(`${x(index).toFixed(2)},${y(value).toFixed(2)}`, `${x(index + 1).toFixed(2)},${y(value).toFixed(2)}`);
        });
        const colour = SERIES_COLOURS[columnIndex % SERIES_COLOURS.length];
        return (
          <View key={column.metric} style={{ marginBottom: 6, marginRight: 8 }}>
            <Text style={styles.smallTitle}>{column.label}</Text>
            <View style={styles.chartRow}>
              <Axis top={top} height={height} />
              <Svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
                <Grid top={top} width={width} height={height} />
                {runs
                  .filter((run) => run.length > 0)
                  .map((run, runIndex) => (
                    <Polyline key={runIndex} points={run.join(" ")} fill="none" stroke={colour} strokeWidth={1.2} />
                  ))}
              </Svg>
            </View>
            <View style={[styles.xLabels, { width }]}>
              <Text style={styles.axisLabel}>{section.rows[0]?.label ?? ""}</Text>
              <Text style={styles.axisLabel}>{section.rows[section.rows.length - 1]?.label ?? ""}</Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}

/**
 * The section's table, condensed: newest first, in two or three blocks side by side when it
 * is long and narrow enough, so that 90 days take a part of a page rather than three.
 */
function Table({ section, firstHeader }: { section: Section; firstHeader: string }) {
  const rows = [...section.rows].reverse();
  const blocks = rows.length > 40 && section.columns.length <= 4 ? 3 : rows.length > 14 && section.columns.length <= 6 ? 2 : 1;
  const perBlock = Math.ceil(rows.length / blocks);
  return (
    <View>
      <Text style={styles.caption}>Tableau : {section.title} (du plus récent au plus ancien)</Text>
      <View style={styles.tableBlocks}>
        {Array.from({ length: blocks }, (_, block) => (
          <View key={block} style={[styles.table, { width: `${100 / blocks - (blocks > 1 ? 1.5 : 0)}%` }]}>
            <View style={styles.headerRow}>
              <Text style={[styles.firstCell, styles.headerCell]}>{firstHeader}</Text>
              {section.columns.map((column) => (
                <Text key={column.metric} style={[styles.cell, styles.headerCell]}>
                  {column.label}
                </Text>
              ))}
            </View>
            {rows.slice(block * perBlock, (block + 1) * perBlock).map((row) => (
              <View key={row.key} style={styles.row} wrap={false}>
                <Text style={styles.firstCell}>{row.label}</Text>
                {row.values.map((value, index) => (
                  <Text key={section.columns[index].metric} style={styles.cell}>
                    {formatFigure(value)}
                  </Text>
                ))}
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

/** The dashboard's summary figures, in a row of small boxes. */
function Summary({ figures, range, previous }: { figures: SummaryFigure[]; range: PeriodRange; previous: PeriodRange }) {
  if (!figures.length) return null;
  return (
    <View style={styles.summary} wrap={false}>
      {figures.map((figure) => {
        const lines = summaryLines(figure, range, previous);
        return (
          <View key={figure.metric} style={styles.summaryItem}>
            <Text style={styles.summaryLabel}>{figure.label}</Text>
            <Text style={styles.summaryValue}>{lines.value}</Text>
            <Text style={styles.summaryNote}>{lines.when}</Text>
            {lines.change ? <Text style={styles.summaryNote}>{lines.change}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}

export function dashboardsPdfElement(data: DashboardsPdfData): ReactElement<DocumentProps> {
  const period = describeRange(data.range);
  const firstHeader = data.range.grouping === "month" ? "Mois" : "Jour";
  return (
    <Document title={`Tableaux de bord – ${data.organisation.name}`} author={PDF_AUTHOR} language={PDF_LANGUAGE} subject={period}>
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>Tableaux de bord – {data.organisation.name}</Text>
        <Text style={styles.meta}>Période : {period}</Text>
        <Text style={styles.meta}>Document exporté le {formatInstant(data.exportedAt)}</Text>
        <Text style={styles.meta}>{accessibleVersionLine(periodHref(data.range.period))}</Text>
        {data.dashboards.map((dashboard) => (
          // Dashboards follow one another (a compact document); a heading never sits alone at
          // the foot of a page (minPresenceAhead).
          <View key={dashboard.key}>
            <Text style={styles.dashboardTitle} minPresenceAhead={160}>
              {dashboard.title}
            </Text>
            <Text style={styles.updated}>
              {dashboard.updatedAt ? `Mis à jour le ${formatInstant(new Date(dashboard.updatedAt))}` : "Pas encore de chiffres pour cette période."}
            </Text>
            <Summary figures={dashboard.summary} range={data.range} previous={data.previous} />
            {dashboard.sections.map((section) =>
              hasFigures(section) ? (
                <View key={section.id}>
                  <Text style={styles.sectionTitle} minPresenceAhead={140}>
                    {section.title}
                  </Text>
                  {section.chart === "bar" ? <BarChartPdf section={section} /> : <LevelChartsPdf section={section} />}
                  <Table section={section} firstHeader={firstHeader} />
                </View>
              ) : (
                <Text key={section.id} style={styles.empty}>
                  {dashboard.key === "portail" ? `${section.title} : aucun chiffre pour cette période.` : "Cet e-service n'a transmis aucun chiffre pour cette période."}
                </Text>
              ),
            )}
          </View>
        ))}
        <View style={styles.footer} fixed>
          <Text>
            {data.organisation.name} · {period}
          </Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}
