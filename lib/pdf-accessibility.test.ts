// Issue 16 item 9 (RGAA 13.3): every PDF of the portal carries its title and its language in
// its metadata, and names, in a line of its own, the web page that is its accessible equivalent.
import { renderToBuffer } from "@react-pdf/renderer";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { dashboardsPdfElement } from "./dashboards/pdf-document";
import { periodRange, previousRange } from "./dashboards/periods";
import { renderGuidePdf } from "./help/render-guide";
import { renderListingPdf } from "./imports/listing-pdf";
import { formatAddressBlock } from "./letters/address-block";
import { registerPdfFonts } from "./letters/pdf-fonts";
import { renderLetterPdf } from "./letters/render-letter";
import { PDF_LANGUAGE } from "./pdf-accessibility";

async function describePdf(pdf: Uint8Array) {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const lang = document.catalog.get(PDFName.of("Lang"));
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return {
    title: document.getTitle(),
    language: lang instanceof PDFString ? lang.decodeText() : String(lang),
    text: text.replace(/\s+/g, " "),
  };
}

const address = formatAddressBlock({
  name: "Saint-Étienne",
  legalRepresentativeTitle: "Maire",
  addressRecipient: "Mairie de Saint-Étienne",
  addressComplement: null,
  addressStreet: "Place de l'Hôtel de Ville",
  addressPostalCode: "42000",
  addressCity: "SAINT ETIENNE",
});

describe("Issue 16 item 9: each PDF has its title and language, and says where its accessible HTML equivalent is", () => {
  it("the letter to the legal representative", async () => {
    const pdf = await renderLetterPdf({
      requestNumber: "DA-1234-5678",
      confirmationCode: "K7QM-3XRT-9PWA",
      expiresAt: new Date("2027-01-21T09:15:00Z"),
      issuedAt: new Date("2026-11-21T10:00:00Z"),
      validationUrl: "https://portail.example/validation-administrateur",
      organisation: { name: "Saint-Étienne", code: "42218" },
      addressLines: address.lines,
      requester: { civility: "MADAME", firstName: "Lucie", lastName: "Martin", jobTitle: null, email: "lucie@example.fr", identifier: "lucie-martin" },
      currentAdministrator: null,
      supportEmail: "assistance@portail.example",
      supportPhone: "01 23 45 67 89",
      sender: { name: "Syndicat mixte du numérique", address: ["2 rue de la Poste", "42000 SAINT ETIENNE"], caseOfficer: "Le service des e-services", logo: null },
    });
    const { title, language, text } = await describePdf(pdf);
    expect(title).toMatch(/DA-1234-5678/);
    expect(language).toBe(PDF_LANGUAGE);
    expect(text).toContain("Version accessible, en page web : portail.example/validation-administrateur");
  });

  it("the dashboards export", async () => {
    registerPdfFonts();
    const range = periodRange("30j", new Date("2026-11-22T10:00:00Z"));
    const pdf = await renderToBuffer(
      dashboardsPdfElement({ organisation: { name: "Saint-Étienne" }, range, previous: previousRange(range), dashboards: [], exportedAt: new Date("2026-11-22T10:00:00Z") }),
    );
    const { title, language, text } = await describePdf(pdf);
    expect(title).toBe("Tableaux de bord – Saint-Étienne");
    expect(language).toBe(PDF_LANGUAGE);
    // vitest.config.ts sets APP_URL=http://127.0.0.1:3000.
    expect(text).toContain("Version accessible de ce document, en page web : http://127.0.0.1:3000/tableaux-de-bord?periode=30j");
  });

  it("the practical guide", { timeout: 60_000 }, async () => {
    const { pdf } = await renderGuidePdf({
      editionDate: "22 novembre 2026",
      baseUrl: "https://portail.test",
      support: { email: "aide@portail.test", phone: "01 02 03 04 05", hours: "en semaine" },
    });
    const { title, language, text } = await describePdf(pdf);
    expect(title).toBe("Guide pratique du Portail e-services");
    expect(language).toBe(PDF_LANGUAGE);
    expect(text).toContain("Version accessible de ce document, en page web : https://portail.test/aide");
  });

  it("the listing of an import", async () => {
    const pdf = await renderListingPdf({ organisationName: "Saint-Étienne", fileName: "agents.csv", generatedAt: "22 novembre 2026 à 10:00", entries: [], htmlPath: "/administration/imports/0190a1b2-0000-7000-8000-000000000000" });
    const { title, language, text } = await describePdf(pdf);
    expect(title).toBe("Comptes de l'import agents.csv");
    expect(language).toBe(PDF_LANGUAGE);
    expect(text).toContain("Version accessible de ce document, en page web : http://127.0.0.1:3000/administration/imports/0190a1b2-0000-7000-8000-000000000000");
  });
});
