// The practical guide (HELP-3): the help centre's content as an A4 PDF with a cover, a table
// of contents with page numbers, and numbered pages. React-PDF has no table of contents of
// its own: the document is rendered twice (render-guide.ts). The first pass records, through
// render callbacks, the page each theme and question lands on; the second prints them.
import { Document, Link, Page, StyleSheet, View, type DocumentProps } from "@react-pdf/renderer";
import { Text } from "../french/pdf-text";
import type { ReactElement } from "react";
import { PDF_FONT_FAMILY } from "../letters/pdf-fonts";
import type { HelpBlock, HelpTheme } from "./content";
import { parseInline } from "./text";
import { accessibleVersionLine, PDF_AUTHOR, PDF_LANGUAGE } from "../pdf-accessibility";

export interface GuideData {
  themes: HelpTheme[];
  editionDate: string;
  /** Absolute address of the portal, for the links ("https://…"). */
  baseUrl: string;
  support: { email: string; phone: string; hours: string };
}

/** Page numbers by theme or entry id; empty on the first pass. */
export type GuidePages = Map<string, number>;

const BRAND = "#0d2a4d";
const LINK = "#174a85";

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 10.5, color: "#1e293b", paddingTop: "20mm", paddingBottom: "22mm", paddingHorizontal: "20mm" },
  coverPage: { fontFamily: PDF_FONT_FAMILY, color: BRAND, padding: "30mm", justifyContent: "space-between" },
  coverBrand: { fontSize: 14, fontWeight: "bold" },
  coverTitle: { fontSize: 30, fontWeight: "bold", marginTop: "60mm" },
  coverSubtitle: { fontSize: 14, marginTop: 12, color: "#334155" },
  coverFooter: { fontSize: 10, color: "#334155", lineHeight: 1.5 },
  h1: { fontSize: 20, fontWeight: "bold", color: BRAND, marginBottom: 14 },
  themeSummary: { fontSize: 10.5, color: "#475569", marginBottom: 10 },
  question: { fontSize: 12.5, fontWeight: "bold", color: BRAND, marginTop: 14, marginBottom: 6 },
  paragraph: { marginBottom: 6, lineHeight: 1.45 },
  item: { flexDirection: "row", marginBottom: 3 },
  bullet: { width: 16 },
  itemText: { flex: 1, lineHeight: 1.45 },
  link: { color: LINK, textDecoration: "underline" },
  tocLine: { flexDirection: "row", alignItems: "flex-end", marginBottom: 4 },
  tocTheme: { fontWeight: "bold", marginTop: 8, color: BRAND },
  tocEntry: { paddingLeft: 14, color: "#334155" },
  tocText: { flex: 1 },
  tocNumber: { width: 28, textAlign: "right" },
  // No lineHeight on the Page: inherited by this absolutely placed block, it pushes it off the page.
  footer: { position: "absolute", bottom: "10mm", left: "20mm", right: "20mm", flexDirection: "row", justifyContent: "space-between", fontSize: 9, color: "#475569" },
});

function Inline({ source, baseUrl }: { source: string; baseUrl: string }) {
  return (
    <>
      {parseInline(source).map((part, index) =>
        "href" in part ? (
          <Link key={index} src={new URL(part.href, baseUrl).toString()} style={styles.link}>
            {part.text}
          </Link>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

function Block({ block, baseUrl }: { block: HelpBlock; baseUrl: string }) {
  if (typeof block === "string") {
    return (
      <Text style={styles.paragraph}>
        <Inline source={block} baseUrl={baseUrl} />
      </Text>
    );
  }
  const items = "steps" in block ? block.steps : block.points;
  return (
    <View style={styles.paragraph}>
      {items.map((item, index) => (
        <View key={index} style={styles.item} wrap={false}>
          <Text style={styles.bullet}>{"steps" in block ? `${index + 1}.` : "•"}</Text>
          <Text style={styles.itemText}>
            <Inline source={item} baseUrl={baseUrl} />
          </Text>
        </View>
      ))}
    </View>
  );
}

function Footer({ editionDate }: { editionDate: string }) {
  return (
    <View style={styles.footer} fixed>
      <Text>Portail e-services · Guide pratique · {editionDate}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} sur ${totalPages}`} fixed />
    </View>
  );
}

/** "12", or a placeholder of the same width on the first pass. */
const pageLabel = (pages: GuidePages, id: string) => String(pages.get(id) ?? "00");

export function guideElement(data: GuideData, pages: GuidePages, record: (id: string, page: number) => void): ReactElement<DocumentProps> {
  // Records where a heading landed; returns its text unchanged, so both passes lay out alike.
  const located = (id: string) => (props: { pageNumber: number }) => {
    record(id, props.pageNumber);
    return null;
  };
  return (
    <Document title="Guide pratique du Portail e-services" author={PDF_AUTHOR} language={PDF_LANGUAGE} subject="Aide et assistance">
      <Page size="A4" style={styles.coverPage}>
        <Text style={styles.coverBrand}>Portail e-services</Text>
        <View>
          <Text style={styles.coverTitle}>Guide pratique</Text>
          <Text style={styles.coverSubtitle}>Accès, compte, rôles, e-services et tableaux de bord : les réponses aux questions fréquentes.</Text>
        </View>
        <View style={styles.coverFooter}>
          <Text>Édition du {data.editionDate}</Text>
          <Text>{accessibleVersionLine("/aide", data.baseUrl)}</Text>
          <Text>
            Assistance : {data.support.email} · {data.support.phone}, {data.support.hours}
          </Text>
        </View>
      </Page>
      <Page size="A4" style={styles.page}>
        <Text style={styles.h1}>Sommaire</Text>
        {data.themes.map((theme) => (
          <View key={theme.id}>
            <View style={[styles.tocLine, styles.tocTheme]} wrap={false}>
              <Text style={styles.tocText}>{theme.title}</Text>
              <Text style={styles.tocNumber}>{pageLabel(pages, theme.id)}</Text>
            </View>
            {theme.entries.map((entry) => (
              <View key={entry.id} style={[styles.tocLine, styles.tocEntry]} wrap={false}>
                <Text style={styles.tocText}>{entry.question}</Text>
                <Text style={styles.tocNumber}>{pageLabel(pages, entry.id)}</Text>
              </View>
            ))}
          </View>
        ))}
        <Footer editionDate={data.editionDate} />
      </Page>
      {data.themes.map((theme) => (
        <Page key={theme.id} size="A4" style={styles.page}>
          <View render={located(theme.id)} />
          <Text style={styles.h1}>{theme.title}</Text>
          <Text style={styles.themeSummary}>{theme.summary}</Text>
          {theme.entries.map((entry) => (
            <View key={entry.id}>
              {/* A question never ends a page alone: it stays with the start of its answer. */}
              <View wrap={false}>
                <View render={located(entry.id)} />
                <Text style={styles.question}>{entry.question}</Text>
                <Block block={entry.answer[0]} baseUrl={data.baseUrl} />
              </View>
              {entry.answer.slice(1).map((block, index) => (
                <Block key={index} block={block} baseUrl={data.baseUrl} />
              ))}
            </View>
          ))}
          <Footer editionDate={data.editionDate} />
        </Page>
      ))}
    </Document>
  );
}
