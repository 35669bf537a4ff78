// BULK-4: the listing as a PDF (React-PDF, DejaVu fonts for every French character).
import "server-only";
import { Document, Page, renderToBuffer, StyleSheet, View } from "@react-pdf/renderer";
import { Text } from "../french/pdf-text";
import { PDF_FONT_FAMILY, registerPdfFonts } from "../letters/pdf-fonts";
import { LISTING_HEADER, listingRows } from "./listing";
import type { ListingEntry } from "./queries";
import { accessibleVersionLine, PDF_AUTHOR, PDF_LANGUAGE } from "../pdf-accessibility";

export const PDF_LISTING_MAX = 10_000;

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 8, padding: 28 },
  title: { fontSize: 13, fontWeight: "bold", marginBottom: 4 },
  subtitle: { fontSize: 9, marginBottom: 10 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#999999", paddingVertical: 2 },
  header: { fontWeight: "bold", borderBottomWidth: 1, borderBottomColor: "#000000" },
  footer: { position: "absolute", bottom: 14, left: 28, right: 28, fontSize: 7, textAlign: "right" },
});

const WIDTHS = ["6%", "9%", "15%", "12%", "13%", "23%", "22%"];

function Row({ cells, header }: { cells: string[]; header?: boolean }) {
  return (
    <View style={header ? [styles.row, styles.header] : styles.row} wrap={false} fixed={header}>
      {cells.map((cell, index) => (
        <Text key={index} style={{ width: WIDTHS[index], paddingRight: 3 }}>
          {cell}
        </Text>
      ))}
    </View>
  );
}

/** `htmlPath`: the import's page, which lists the same rows accessibly. */
export async function renderListingPdf(input: { organisationName: string; fileName: string; generatedAt: string; entries: ListingEntry[]; htmlPath: string }): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(
    <Document title={`Comptes de l'import ${input.fileName}`} author={PDF_AUTHOR} language={PDF_LANGUAGE}>
      <Page size="A4" orientation="landscape" style={styles.page}>
        <Text style={styles.title}>Comptes de l&apos;import « {input.fileName} »</Text>
        <Text style={styles.subtitle}>
          {input.organisationName}. Liste établie le {input.generatedAt} : {input.entries.length} comptes. Aucun mot de passe n&apos;y figure : chaque
          personne choisit le sien grâce au lien reçu par courriel.
        </Text>
        <Text style={styles.subtitle}>{accessibleVersionLine(input.htmlPath)}</Text>
        <Row cells={LISTING_HEADER} header />
        {listingRows(input.entries).map((cells, index) => (
          <Row key={index} cells={cells} />
        ))}
        <Text style={styles.footer} fixed render={({ pageNumber, totalPages }) => `Page ${pageNumber} / ${totalPages}`} />
      </Page>
    </Document>,
  );
}
