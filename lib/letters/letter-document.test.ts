import { existsSync } from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { PDFDocument } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { formatAddressBlock } from "./address-block";
import { formatFrenchLongDate, formatLetterDateLine } from "./french-date";
import type { LetterData } from "./letter-document";
import { printQueueSender } from "./letter-sender";
import { mergePdfs } from "./merge-pdfs";
import { PDF_FONT_FAMILY, PDF_MONO_FONT_FAMILY, registerPdfFonts, resolveFontFile } from "./pdf-fonts";
import { renderLetterPdf, renderLettersPdf } from "./render-letter";

const address = formatAddressBlock({
  name: "Saint-Étienne",
  legalRepresentativeTitle: "Maire",
  addressRecipient: "Mairie de Saint-Étienne",
  addressComplement: "Hôtel de Ville",
  addressStreet: "Place de l'Hôtel de Ville",
  addressPostalCode: "42000",
  addressCity: "SAINT ETIENNE",
});

function letter(overrides: Partial<LetterData> = {}): LetterData {
  return {
    requestNumber: "DA-1234-5678",
    confirmationCode: "K7QM-3XRT-9PWA",
    expiresAt: new Date("2027-01-21T09:15:00Z"),
    // 23:30 UTC on the 21st is already the 22nd in Paris.
    issuedAt: new Date("2026-11-21T23:30:00Z"),
    validationUrl: "https://portail.example/validation-administrateur",
    organisation: { name: "Saint-Étienne", code: "42218" },
    addressLines: address.lines,
    requester: {
      civility: "MADAME",
      firstName: "Łucja",
      lastName: "Œillet-Müller",
      jobTitle: "Responsable « numérique » – Straße, Dvořák, Țară, 20 €",
      email: "lucja.oeillet@mairie-saint-etienne.fr",
      identifier: "lucja-oeillet",
    },
    currentAdministrator: { firstName: "Jean-Édouard", lastName: "Dupont" },
    supportEmail: "assistance@portail.example",
    supportPhone: "01 23 45 67 89",
    sender: {
      name: "Syndicat mixte du numérique",
      address: ["2 rue de la Poste", "42000 SAINT ETIENNE"],
      caseOfficer: "Le service des e-services",
      logo: path.join(process.cwd(), "public", "icon-192.png"),
    },
    ...overrides,
  };
}

/** The text of each page, white space collapsed (pdf.js may turn no-break spaces into spaces). */
async function pagesText(pdf: Uint8Array): Promise<string[]> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(proxy, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " ").trim());
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

describe("LR-2 polices du courrier PDF", () => {
  it("finds the DejaVu TTF files of the installed package", () => {
    const file = resolveFontFile("DejaVuSans.ttf");
    expect(path.isAbsolute(file)).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect(file).toMatch(/dejavu-fonts-ttf[\\/]ttf[\\/]DejaVuSans\.ttf$/);
  });

  it("registers the sans and mono families once, without hyphenation", () => {
    registerPdfFonts();
    registerPdfFonts();
    const families = Font.getRegisteredFontFamilies();
    expect(families).toContain(PDF_FONT_FAMILY);
    expect(families).toContain(PDF_MONO_FONT_FAMILY);
    expect(families.filter((family) => family === PDF_FONT_FAMILY)).toHaveLength(1);
    expect(Font.getHyphenationCallback()?.("anticonstitutionnellement")).toEqual(["anticonstitutionnellement"]);
  });
});

describe("LR-2 dates du courrier", () => {
  it("writes dates the French way, in Europe/Paris", () => {
    expect(formatLetterDateLine(new Date("2026-11-22T10:00:00Z"))).toBe("Le 22 novembre 2026");
    expect(formatLetterDateLine(new Date("2026-11-21T23:30:00Z"))).toBe("Le 22 novembre 2026");
    expect(formatFrenchLongDate(new Date("2027-03-01T08:00:00Z"))).toBe("1er mars 2027");
    expect(formatFrenchLongDate(new Date("2027-08-15T21:59:00Z"))).toBe("15 août 2027");
  });
});

describe("LR-2 courrier de validation de l'administrateur (PDF)", () => {
  it("is one A4 page naming the organisation, the requester, the request number, the code and the validation page", async () => {
    const pdf = await renderLetterPdf(letter());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const document = await PDFDocument.load(pdf);
    expect(document.getPageCount()).toBe(1);
    const { width, height } = document.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);

    const [text] = await pagesText(pdf);
    expect(text).toContain("Saint-Étienne");
    expect(text).toContain("42218");
    expect(text).toContain("Madame Łucja Œillet-Müller");
    expect(text).toContain("souhaite devenir administratrice");
    expect(text).toContain("lucja.oeillet@mairie-saint-etienne.fr");
    expect(text).toContain("lucja-oeillet");
    expect(text).toContain("DA-1234-5678");
    expect(text).toContain("K7QM-3XRT-9PWA");
    expect(text).toContain("portail.example/validation-administrateur");
    expect(text).not.toContain("https://");
    expect(text).toContain("Le 22 novembre 2026");
    expect(text).toContain("avant le 21 janvier 2027");
    expect(text).toContain("Numéro de demande");
    expect(text).toContain("Code de confirmation");
    expect(text).toContain("Objet : confirmation de l'administrateur de Saint-Étienne");
    expect(text).toContain("assistance@portail.example");
    expect(text).toContain("01 23 45 67 89");
    expect(text).toContain("Courrier généré automatiquement");
    expect(text).toContain("Page 1 / 1");
  });

  it("prints the recipient block line by line", async () => {
    const [text] = await pagesText(await renderLetterPdf(letter()));
    const expected = address.lines.join(" ");
    expect(expected).toBe("Madame la Maire ou Monsieur le Maire Mairie de Saint-Étienne Hôtel de Ville Place de l'Hôtel de Ville 42000 SAINT ETIENNE");
    expect(text).toContain(expected);
  });

  it("keeps accented and extended Latin characters intact (embedded DejaVu, not WinAnsi Helvetica)", async () => {
    const pdf = await renderLetterPdf(letter());
    const [text] = await pagesText(pdf);
    expect(text).toContain("Responsable « numérique » – Straße, Dvořák, Țară, 20 €");
    expect(text).toContain("Jean-Édouard Dupont");
    expect(text).not.toContain("\uFFFD");

    const raw = pdf.toString("latin1");
    expect(raw).toContain("DejaVuSans");
    expect(raw).toContain("DejaVuSansMono-Bold");
    expect(raw).not.toContain("/Helvetica");
  });

  it("says that the current administrator becomes a plain user, only when there is one", async () => {
    const [withCurrent] = await pagesText(await renderLetterPdf(letter()));
    expect(withCurrent).toContain("Ce rôle est aujourd'hui tenu par Jean-Édouard Dupont");
    expect(withCurrent).toContain("compte d'utilisateur ordinaire");

    const [first] = await pagesText(
      await renderLetterPdf(letter({ currentAdministrator: null, requester: { ...letter().requester, civility: "MONSIEUR", jobTitle: null } })),
    );
    expect(first).not.toContain("aujourd'hui tenu par");
    expect(first).toContain("Monsieur Łucja Œillet-Müller souhaite devenir administrateur de l'organisation");
  });

  it("explains what the administrator does and what to do when the request is not wanted", async () => {
    const [text] = await pagesText(await renderLetterPdf(letter()));
    expect(text).toContain("abonne l'organisation aux e-services");
    expect(text).toContain("valide les comptes");
    expect(text).toContain("l'accès aux seuls e-services");
    expect(text).toContain("Vous n'avez rien à faire");
    expect(text).toContain("sans ce code, personne ne peut devenir administrateur");
  });

  it("still fits on one page with long names, a long job title and a full six-line address", async () => {
    const longAddress = formatAddressBlock({
      name: "Communauté de communes du Pays de Saint-Gilles-Croix-de-Vie",
      legalRepresentativeTitle: "Président",
      addressRecipient: "Communauté de communes du Pays de Saint-Gilles-Croix-de-Vie",
      addressComplement: "Espace communautaire, bâtiment B",
      addressStreet: "46 promenade Marie-de-Beaucaire-et-de-l'Océan",
      addressPostalCode: "85800",
      addressCity: "Saint-Gilles-Croix-de-Vie",
    });
    expect(longAddress.lines).toHaveLength(6);
    const pdf = await renderLetterPdf(
      letter({
        organisation: { name: "Communauté de communes du Pays de Saint-Gilles-Croix-de-Vie", code: "200048965" },
        addressLines: longAddress.lines,
        requester: {
          civility: "MONSIEUR",
          firstName: "Jean-Baptiste-Marie-Amédée",
          lastName: "de La Tour d'Auvergne-Lauraguais",
          jobTitle: "Directeur général adjoint des services chargé des ressources et du numérique",
          email: "jean-baptiste.de-la-tour-dauvergne-lauraguais@cc-pays-saint-gilles-croix-de-vie.fr",
          identifier: "jean-baptiste-marie-amedee-de-la-tour",
        },
        currentAdministrator: { firstName: "Marie-Françoise", lastName: "Le Goff-Kerhervé" },
      }),
    );
    expect(await pageCount(pdf)).toBe(1);
    const [text] = await pagesText(pdf);
    for (const line of longAddress.lines) expect(text).toContain(line);
  });
});

describe("LR-2 / issue 16 item 3: the letter carries the portal operator's identity and names the organisation in French", () => {
  it("prints the configured sender, its return address, the case officer and the logo", async () => {
    const pdf = await renderLetterPdf(letter());
    const [text] = await pagesText(pdf);
    expect(text).toContain("Syndicat mixte du numérique 2 rue de la Poste 42000 SAINT ETIENNE");
    expect(text).toContain("Affaire suivie par : Le service des e-services");
    expect(text).not.toContain("Services en ligne des collectivités");
    // The logo is an image XObject of the page.
    expect(pdf.toString("latin1")).toMatch(/\/Subtype\s*\/Image/);
    const [withoutLogo] = await pagesText(await renderLetterPdf(letter({ sender: { ...letter().sender, logo: null } })));
    expect(withoutLogo).toContain("Syndicat mixte du numérique");
  });

  it("writes d'Annecy, du Havre: the name takes its article (issue 16 item 1)", async () => {
    const [annecy] = await pagesText(await renderLetterPdf(letter({ organisation: { name: "Annecy", code: "74010", typeLiaison: 1 } })));
    expect(annecy).toContain("confirmation de l'administrateur d'Annecy");
    const [havre] = await pagesText(await renderLetterPdf(letter({ organisation: { name: "Le Havre", code: "76351", typeLiaison: 2 } })));
    expect(havre).toContain("confirmation de l'administrateur du Havre");
  });

  it("uses one apostrophe style (issue 16 item 7; the no-break spaces are lost by text extraction: see lib/french)", async () => {
    const pdf = await renderLetterPdf(letter({ requester: { ...letter().requester, lastName: "d’Arc" } }));
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain("d'Arc");
    expect(text).not.toContain("’");
  });
});

describe("LR-6 lots d'impression et envoi", () => {
  const codes = ["K7QM-3XRT-9PWA", "A2B3-C4D5-E6F7", "Z9Y8-X7W6-V5U4"];
  const batch = codes.map((confirmationCode, index) => letter({ confirmationCode, requestNumber: `DA-0000-000${index + 1}` }));

  it("renders several letters as one PDF with one page each, numbered per letter", async () => {
    const pdf = await renderLettersPdf(batch);
    expect(await pageCount(pdf)).toBe(3);
    const pages = await pagesText(pdf);
    pages.forEach((page, index) => {
      expect(page).toContain(codes[index]);
      expect(page).toContain(`DA-0000-000${index + 1}`);
      expect(page).toContain("Page 1 / 1");
    });
    await expect(renderLettersPdf([])).rejects.toThrow(RangeError);
  });

  it("merges stored PDFs in order, page count being the sum", async () => {
    const single = await renderLetterPdf(letter());
    const three = await renderLettersPdf(batch);
    const merged = await mergePdfs([single, three]);
    expect(await pageCount(merged)).toBe(1 + 3);
    const pages = await pagesText(merged);
    expect(pages.map((page) => page.match(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0])).toEqual(["K7QM-3XRT-9PWA", ...codes]);
    const sizes = (await PDFDocument.load(merged)).getPages().map((page) => page.getSize());
    for (const { width, height } of sizes) expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    await expect(mergePdfs([])).rejects.toThrow(RangeError);
  });

  it("leaves letters in the operators' print queue by default", async () => {
    expect(printQueueSender.name).toBe("print-queue");
    const pdf = await renderLetterPdf(letter());
    await expect(printQueueSender.submit({ id: "letter-1", pdf, addressLines: address.lines })).resolves.toEqual({ status: "queued" });
  });

  it("renders 50 letters in a reasonable time (measured, not asserted)", { timeout: 300_000 }, async () => {
    const letters = Array.from({ length: 50 }, (_, index) =>
      letter({ requestNumber: `DA-5000-${String(index).padStart(4, "0")}` }),
    );
    const started = performance.now();
    const singles: Buffer[] = [];
    for (const data of letters) singles.push(await renderLetterPdf(data));
    const oneByOne = performance.now() - started;

    const mergeStarted = performance.now();
    const merged = await mergePdfs(singles);
    const merging = performance.now() - mergeStarted;

    const batchStarted = performance.now();
    const batchPdf = await renderLettersPdf(letters);
    const inOneDocument = performance.now() - batchStarted;

    expect(await pageCount(merged)).toBe(50);
    expect(await pageCount(batchPdf)).toBe(50);
    const size = (bytes: number) => `${Math.round(bytes / 1024)} Kio`;
    console.log(
      `[LR-6] 50 courriers : rendus un par un ${oneByOne.toFixed(0)} ms (${(oneByOne / 50).toFixed(1)} ms/courrier, ` +
        `${size(singles[0].length)} chacun) ; fusion pdf-lib ${merging.toFixed(0)} ms (${size(merged.length)}) ; ` +
        `rendus dans un seul document ${inOneDocument.toFixed(0)} ms (${size(batchPdf.length)})`,
    );
  });
});
