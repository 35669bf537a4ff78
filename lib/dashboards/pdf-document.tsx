// DASH-4: the PDF export of the dashboards a viewer sees. The organisation, the period, the
// date of the data, and for each dashboard section its chart, drawn as vector graphics with
// React-PDF's Svg primitives, and its table, with the very figures of the page (same
// `Dashboard` model, same number format).
import { Document, Line, Page, Polyline, Rect, StyleSheet, Svg, View, type DocumentProps } from "@react-pdf/renderer";
import { Text } from "../french/pdf-text";
import type { ReactElement } from "react";
import { SERIES_COLOURS } from "./palette";
import { PDF_FONT_FAMILY } from "../letters/pdf-fonts";
import { formatFigure, type Dashboard, type Section } from "./build";
import { describeRange, formatInstant, type PeriodRange } from "./periods";

export interface DashboardsPdfData {
  organisation: { name: string };
  range: PeriodRange;
  dashboards: Dashboard[];
  exportedAt: Date;
}

const CHART_WIDTH = 470;
const CHART_HEIGHT = 130;
const AXIS_WIDTH = 40;

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 9, paddingTop: 36, paddingBottom: 44, paddingHorizontal: 36, color: "#0f172a" },
  title: { fontSize: 16, fontWeight: "bold", color: "#1e3a8a" },
  meta: { marginTop: 4, fontSize: 10 },
  dashboardTitle: { fontSize: 13, fontWeight: "bold", color: "#1e3a8a", marginTop: 18 },
  updated: { fontSize: 9, color: "#334155", marginTop: 2 },
  sectionTitle: { fontSize: 11, fontWeight: "bold", marginTop: 12, marginBottom: 6 },
  chartRow: { flexDirection: "row" },
  axis: { width: AXIS_WIDTH, height: CHART_HEIGHT, justifyContent: "space-between", alignItems: "flex-end", paddingRight: 4 },
  axisLabel: { fontSize: 7, color: "#334155" },
  xLabels: { flexDirection: "row", justifyContent: "space-between", marginLeft: AXIS_WIDTH, width: CHART_WIDTH, marginTop: 2 },
  legend: { flexDirection: "row", flexWrap: "wrap", marginTop: 4, marginLeft: AXIS_WIDTH },
  legendItem: { flexDirection: "row", alignItems: "center", marginRight: 12, marginBottom: 2 },
  swatch: { width: 8, height: 8, marginRight: 4 },
  table: { marginTop: 8, borderTopWidth: 0.5, borderColor: "#94a3b8" },
  caption: { fontSize: 9, fontWeight: "bold", marginTop: 8 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#cbd5e1", paddingVertical: 2 },
  headerRow: { flexDirection: "row", borderBottomWidth: 0.75, borderColor: "#475569", paddingVertical: 3, backgroundColor: "#f1f5f9" },
  firstCell: { width: 90, paddingLeft: 3 },
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

function Chart({ section }: { section: Section }) {
  const values = section.rows.flatMap((row) => row.values).filter((value): value is number => value !== null);
  const top = niceCeiling(Math.max(0, ...values));
  const count = section.rows.length;
  const x = (index: number) => (count <= 1 ? CHART_WIDTH / 2 : (index / (count - 1)) * (CHART_WIDTH - 8) + 4);
  const y = (value: number) => CHART_HEIGHT - (value / top) * (CHART_HEIGHT - 4);
  const gridLines = [0, 0.25, 0.5, 0.75, 1].map((share) => y(share * top));

  let marks: ReactElement[];
  if (section.chart === "bar") {
    const slot = CHART_WIDTH / Math.max(1, count);
    const barWidth = Math.max(0.5, (slot * 0.8) / section.columns.length);
    marks = section.rows.flatMap((row, rowIndex) =>
      row.values.map((value, columnIndex) =>
        value === null || value === 0 ? null : (
          <Rect
            key={`${row.key}-${columnIndex}`}
            x={rowIndex * slot + slot * 0.1 + columnIndex * barWidth}
            y={y(value)}
            width={barWidth}
            height={CHART_HEIGHT - y(value)}
            fill={SERIES_COLOURS[columnIndex % SERIES_COLOURS.length]}
          />
        ),
      ).filter((mark): mark is ReactElement => mark !== null),
    );
  } else {
    // One polyline per run of days with figures: a missing day breaks the line, as on screen.
    marks = section.columns.flatMap((column, columnIndex) => {
      const runs: string[][] = [[]];
      section.rows.forEach((row, rowIndex) => {
        const value = row.values[columnIndex];
        if (value === null) runs.push([]);
        else runs[runs.length - 1].push(`${x(rowIndex).toFixed(2)},${y(value).toFixed(2)}`);
      });
      return runs
        .filter((run) => run.length > 0)
        .map((run, runIndex) =>
          run.length === 1 ? (
            <Rect key={`${column.metric}-${runIndex}`} x={Number(run[0].split(",")[0]) - 1} y={Number(run[0].split(",")[1]) - 1} width={2} height={2} fill={SERIES_COLOURS[columnIndex % SERIES_COLOURS.length]} />
          ) : (
            <Polyline key={`${column.metric}-${runIndex}`} points={run.join(" ")} fill="none" stroke={SERIES_COLOURS[columnIndex % SERIES_COLOURS.length]} strokeWidth={1.2} />
          ),
        );
    });
  }

  return (
    <View wrap={false}>
      <View style={styles.chartRow}>
        <View style={styles.axis}>
          <Text style={styles.axisLabel}>{formatFigure(top)}</Text>
          <Text style={styles.axisLabel}>{formatFigure(top / 2)}</Text>
          <Text style={styles.axisLabel}>0</Text>
        </View>
        <Svg width={CHART_WIDTH} height={CHART_HEIGHT} viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}>
          {gridLines.map((lineY, index) => (
            <Line key={index} x1={0} y1={lineY} x2={CHART_WIDTH} y2={lineY} stroke={index === 0 ? "#475569" : "#e2e8f0"} strokeWidth={0.5} />
          ))}
          {marks}
        </Svg>
      </View>
      <View style={styles.xLabels}>
        <Text style={styles.axisLabel}>{section.rows[0]?.label ?? ""}</Text>
        <Text style={styles.axisLabel}>{section.rows[section.rows.length - 1]?.label ?? ""}</Text>
      </View>
      <View style={styles.legend}>
        {section.columns.map((column, index) => (
          <View key={column.metric} style={styles.legendItem}>
            <View style={[styles.swatch, { backgroundColor: SERIES_COLOURS[index % SERIES_COLOURS.length] }]} />
            <Text>{column.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function Table({ section, firstHeader }: { section: Section; firstHeader: string }) {
  return (
    <View>
      <Text style={styles.caption}>Tableau : {section.title}</Text>
      <View style={styles.table}>
        <View style={styles.headerRow} fixed>
          <Text style={[styles.firstCell, styles.headerCell]}>{firstHeader}</Text>
          {section.columns.map((column) => (
            <Text key={column.metric} style={[styles.cell, styles.headerCell]}>
              {column.label}
            </Text>
          ))}
        </View>
        {section.rows.map((row) => (
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
    </View>
  );
}

export function dashboardsPdfElement(data: DashboardsPdfData): ReactElement<DocumentProps> {
  const period = describeRange(data.range);
  const firstHeader = data.range.grouping === "month" ? "Mois" : "Jour";
  return (
    <Document title={`Tableaux de bord – ${data.organisation.name}`} author="Portail e-services" language="fr-FR" subject={period}>
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>Tableaux de bord – {data.organisation.name}</Text>
        <Text style={styles.meta}>Période : {period}</Text>
        <Text style={styles.meta}>Document exporté le {formatInstant(data.exportedAt)}</Text>
        {data.dashboards.map((dashboard, index) => (
          // Each dashboard starts a page: its heading never sits alone at the foot of the previous one.
          <View key={dashboard.key} break={index > 0}>
            <Text style={styles.dashboardTitle} minPresenceAhead={120}>
              {dashboard.title}
            </Text>
            <Text style={styles.updated}>
              {dashboard.updatedAt ? `Mis à jour le ${formatInstant(new Date(dashboard.updatedAt))}` : "Pas encore de chiffres pour cette période."}
            </Text>
            {dashboard.sections.map((section) =>
              section.columns.length ? (
                <View key={section.id}>
                  <Text style={styles.sectionTitle} minPresenceAhead={160}>
                    {section.title}
                  </Text>
                  <Chart section={section} />
                  <Table section={section} firstHeader={firstHeader} />
                </View>
              ) : (
                <Text key={section.id} style={styles.empty}>
                  Cet e-service n&apos;a transmis aucun chiffre pour cette période.
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
