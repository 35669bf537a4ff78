// The letter asking an organisation's legal representative to confirm its administrator
// (LR-1, LR-2): one A4 page, recipient block placed for a French window envelope (DL/C5,
// window on the right), request number and confirmation code in a framed box.
//
// Layout, in millimetres from the page's top-left corner:
// - sender block at (20, 15);
// - recipient block at (110, 50), 85 wide, up to 6 lines (see address-block.ts): what the
//   envelope's window shows once the sheet is folded in three (fold marks at 99 and 198);
// - date line under it, then subject, body, code box, signature; footer at the bottom.
// Nothing confidential sits in the window zone: the code is well below the first fold.
import { Document, Image, Page, StyleSheet, View, type DocumentProps } from "@react-pdf/renderer";
import { deNom } from "../french/names";
import { typeset } from "../french/typography";
import { Text } from "../french/pdf-text";
import type { LetterSender } from "../support-contacts";
import type { ReactElement } from "react";
import { formatFrenchLongDate, formatLetterDateLine } from "./french-date";
import { PDF_FONT_FAMILY, PDF_MONO_FONT_FAMILY, registerPdfFonts } from "./pdf-fonts";

registerPdfFonts();

export interface LetterData {
  /** e.g. "DA-1234-5678" */
  requestNumber: string;
  /** Already grouped, e.g. "K7QM-3XRT-9PWA". */
  confirmationCode: string;
  /** When the code stops working (60 days, LR-4). */
  expiresAt: Date;
  issuedAt: Date;
  /** e.g. "https://portail.example/validation-administrateur" (printed in short form). */
  validationUrl: string;
  /** typeLiaison: how the name takes its article (lib/french/names.ts). */
  organisation: { name: string; code: string; typeLiaison?: number };
  /** The portal operator, as configured (issue 16 item 3): entity, return address, logo, case officer. */
  sender: LetterSender;
  /** The recipient block, already formatted by `formatAddressBlock`. */
  addressLines: string[];
  requester: {
    civility: "MADAME" | "MONSIEUR";
    firstName: string;
    lastName: string;
    /**
     * Printed inside the sentence to the legal representative: only ever a title of the closed
     * list (`letterJobTitle` in accounts/job-titles.ts), never what the requester typed.
     */
    jobTitle: string | null;
    email: string;
    identifier: string;
  };
  /**
   * The requester is an accepted deputy administrator of the organisation (DEP-2): the
   * letter says so, since the legal representative may know them in that role.
   */
  requesterIsDeputy?: boolean;
  /** Who will stop being administrator if the request is confirmed, if anyone. */
  currentAdministrator: { firstName: string; lastName: string } | null;
  supportEmail: string;
  supportPhone: string;
}

const NBSP = "\u00a0";
const PORTAL_NAME = "Portail e-services";
const FONT_SIZE = 10;
const LINE_HEIGHT = 1.35;

const styles = StyleSheet.create({
  page: {
    fontFamily: PDF_FONT_FAMILY,
    fontSize: FONT_SIZE,
    color: "#111111",
    paddingTop: "15mm",
    paddingBottom: "16mm",
    paddingLeft: "20mm",
    paddingRight: "20mm",
  },
  foldMark: { position: "absolute", left: "4mm", width: "5mm", borderTopWidth: 0.5, borderTopColor: "#999999" },
  sender: { position: "absolute", top: "15mm", left: "20mm", width: "80mm" },
  logo: { width: "16mm", height: "16mm", objectFit: "contain", marginBottom: "2mm" },
  caseOfficer: { fontSize: 8.5, lineHeight: 1.3, color: "#444444", marginTop: "1.5mm" },
  senderName: { fontWeight: "bold", fontSize: 13, lineHeight: 1.2 },
  senderLine: { fontSize: 8.5, lineHeight: 1.3, color: "#444444" },
  address: { position: "absolute", top: "50mm", left: "110mm", width: "85mm", fontSize: 10, lineHeight: 1.3 },
  // The flow starts under the recipient block (15 mm padding + 67 mm = 82 mm from the top;
  // six lines of the block end at about 78 mm).
  belowWindow: { height: "67mm" },
  dateLine: { marginLeft: "90mm", marginBottom: "4mm" },
  // Line heights are set text by text, with the font size next to them: React-PDF 4.9 drops
  // `render` texts (the footer's page number) when a line height is set on the Page, and a
  // unitless line height multiplies the element's own font size (18 when it has none), not
  // the inherited one.
  subject: { fontWeight: "bold", fontSize: FONT_SIZE, lineHeight: LINE_HEIGHT, marginBottom: "3.5mm" },
  paragraph: { fontSize: FONT_SIZE, lineHeight: LINE_HEIGHT, marginBottom: "2.4mm" },
  bold: { fontWeight: "bold" },
  list: { marginBottom: "2.4mm" },
  listItem: { flexDirection: "row" },
  listMarker: { width: "6mm", fontSize: FONT_SIZE, lineHeight: LINE_HEIGHT, textAlign: "right", paddingRight: "2mm" },
  listText: { flex: 1, fontSize: FONT_SIZE, lineHeight: LINE_HEIGHT },
  box: {
    flexDirection: "row",
    borderWidth: 1.2,
    borderColor: "#111111",
    borderRadius: 3,
    paddingVertical: "2.5mm",
    paddingHorizontal: "5mm",
    marginTop: "0.5mm",
    marginBottom: "3.5mm",
  },
  boxColumn: { flexDirection: "column" },
  boxLabel: { fontSize: 8.5, color: "#333333", marginBottom: "1mm" },
  requestNumber: { fontFamily: PDF_MONO_FONT_FAMILY, fontWeight: "bold", fontSize: 15, lineHeight: 1.2 },
  code: { fontFamily: PDF_MONO_FONT_FAMILY, fontWeight: "bold", fontSize: 22, lineHeight: 1.1 },
  boxNote: { fontSize: 7.5, color: "#333333", marginTop: "1.5mm" },
  signature: { fontSize: FONT_SIZE, lineHeight: LINE_HEIGHT, marginTop: "1mm", marginLeft: "90mm" },
  footer: {
    position: "absolute",
    bottom: "8mm",
    left: "20mm",
    right: "20mm",
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 7.5,
    color: "#555555",
    borderTopWidth: 0.5,
    borderTopColor: "#999999",
    paddingTop: "1.5mm",
  },
});

/**
 * The address as people type it: "portail.example/validation-administrateur", without the
 * scheme (production is always https, issue 16 item 3) nor a trailing slash.
 */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//i, "").replace(/\/$/, "");
}

/** Keeps a phone number ("01 23 45 67 89") on one line. */
function unbreakable(text: string): string {
  return text.trim().replace(/\s+/g, NBSP);
}

function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.replace(/\s+/g, " ").trim();
}

function BulletList({ items, numbered = false }: { items: (ReactElement | string)[]; numbered?: boolean }) {
  return (
    <View style={styles.list}>
      {items.map((item, index) => (
        <View key={index} style={styles.listItem} wrap={false}>
          <Text style={styles.listMarker}>{numbered ? `${index + 1}.` : "•"}</Text>
          <Text style={styles.listText}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

/** One letter: an A4 page (more only if the content ever overflowed). */
export function AdminValidationLetterPage({ letter }: { letter: LetterData }) {
  const { requester, organisation, currentAdministrator, sender } = letter;
  const ofOrganisation = deNom(organisation);
  const isWoman = requester.civility === "MADAME";
  const requesterName = `${isWoman ? "Madame" : "Monsieur"} ${fullName(requester)}`;
  const role = isWoman ? "administratrice" : "administrateur";
  const jobTitle = requester.jobTitle?.trim();
  const expiry = formatFrenchLongDate(letter.expiresAt);

  return (
    <Page size="A4" style={styles.page}>
      <View fixed style={[styles.foldMark, { top: "99mm" }]} />
      <View fixed style={[styles.foldMark, { top: "198mm" }]} />

      <View style={styles.sender}>
        {/* eslint-disable-next-line jsx-a11y/alt-text -- React-PDF's Image has no alt text */}
        {sender.logo ? <Image style={styles.logo} src={sender.logo} /> : null}
        <Text style={styles.senderName}>{sender.name}</Text>
        {sender.address.map((line, index) => (
          <Text key={index} style={styles.senderLine}>
            {line}
          </Text>
        ))}
        <Text style={styles.caseOfficer}>{`Affaire suivie par : ${sender.caseOfficer}`}</Text>
        <Text style={styles.senderLine}>{`${letter.supportEmail} · ${unbreakable(letter.supportPhone)}`}</Text>
      </View>

      <View style={styles.address}>
        {letter.addressLines.map((line, index) => (
          <Text key={index}>{line}</Text>
        ))}
      </View>

      <View style={styles.belowWindow} />
      <Text style={styles.dateLine}>{formatLetterDateLine(letter.issuedAt)}</Text>

      {/* Each run of text is one string: React-PDF treats the joint between two runs (two
          JSX children) as a place where a line may break, with a hyphen, even inside a word or
          before a comma. Joints are therefore only put at spaces. */}
      <Text style={styles.subject}>
        {`Objet : confirmation de l'administrateur ${ofOrganisation} sur le ${PORTAL_NAME}`}
      </Text>

      <Text style={styles.paragraph}>Madame, Monsieur,</Text>

      <Text style={styles.paragraph}>
        <Text style={styles.bold}>{jobTitle ? `${requesterName},` : requesterName}</Text>
        {`${jobTitle ? ` ${jobTitle},` : ""}${letter.requesterIsDeputy ? ` aujourd'hui ${isWoman ? "administratrice suppléante" : "administrateur suppléant"},` : ""} souhaite devenir ${role} de l'organisation `}
        <Text style={styles.bold}>{organisation.name}</Text>
        {` (code ${organisation.code}) sur le ${PORTAL_NAME}. Sur le portail, cette personne utilise l'adresse ` +
          `électronique ${requester.email} et l'identifiant ${requester.identifier}. Parce que vous représentez ` +
          `légalement l'organisation, cette désignation n'aura lieu qu'avec votre accord.`}
      </Text>

      <Text style={styles.paragraph}>{"L'administrateur gère la place de l'organisation sur le portail :"}</Text>
      <BulletList
        items={[
          "il abonne l'organisation aux e-services dont elle a besoin ;",
          "il valide les comptes ouverts par ses collègues au nom de l'organisation ;",
          "il donne à chacun l'accès aux seuls e-services qu'il peut utiliser.",
        ]}
      />
      {currentAdministrator ? (
        <Text style={styles.paragraph}>
          {"Ce rôle est aujourd'hui tenu par "}
          <Text style={styles.bold}>{`${fullName(currentAdministrator)}.`}</Text>
          {" Si vous confirmez la demande, cette personne le perdra et gardera un compte d'utilisateur ordinaire."}
        </Text>
      ) : null}

      <Text style={styles.paragraph}>
        {"Pour confirmer la demande, "}
        <Text style={styles.bold}>{`avant le ${expiry} :`}</Text>
      </Text>
      <BulletList
        numbered
        items={[
          <Text key="url">
            {"ouvrez la page "}
            <Text style={styles.bold}>{`${shortUrl(letter.validationUrl)} ;`}</Text>
          </Text>,
          "saisissez le numéro de demande et le code de confirmation inscrits dans le cadre ci-dessous ;",
          "vérifiez que la personne et l'organisation affichées sont les bonnes, puis confirmez.",
        ]}
      />

      <View style={styles.box} wrap={false}>
        <View style={[styles.boxColumn, { width: "52mm" }]}>
          <Text style={styles.boxLabel}>Numéro de demande</Text>
          <Text style={styles.requestNumber}>{letter.requestNumber}</Text>
        </View>
        <View style={[styles.boxColumn, { flex: 1 }]}>
          <Text style={styles.boxLabel}>Code de confirmation</Text>
          <Text style={styles.code}>{letter.confirmationCode}</Text>
          <Text style={styles.boxNote}>
            {`À saisir avant le ${expiry}. Le code ne contient ni zéro ni lettre O, ni chiffre un ni lettre I ou L.`}
          </Text>
        </View>
      </View>

      <Text style={styles.paragraph}>
        {`Vous ne connaissez pas cette personne, ou vous ne voulez pas lui confier ce rôle ? Vous n'avez rien ` +
          `à faire : sans ce code, personne ne peut devenir administrateur de votre organisation. Vous pouvez ` +
          `aussi nous en informer en écrivant à ${letter.supportEmail} ou en appelant l'assistance au ` +
          `${unbreakable(letter.supportPhone)}.`}
      </Text>

      <Text style={styles.paragraph}>
        {"Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées."}
      </Text>
      <Text style={styles.signature}>{sender.name}</Text>

      <View fixed style={styles.footer}>
        <View style={{ flex: 1 }}>
          <Text>{`Courrier généré automatiquement · demande ${letter.requestNumber}`}</Text>
          {/* Issue 16 item 9: the web page that shows the same request accessibly, once the number and code are typed. */}
          <Text>{`Version accessible, en page web : ${shortUrl(letter.validationUrl)}`}</Text>
        </View>
        <Text render={({ subPageNumber, subPageTotalPages }) => `Page ${subPageNumber} / ${subPageTotalPages}`} />
      </View>
    </Page>
  );
}

function documentTitle(letter: LetterData): string {
  return typeset(`Demande ${letter.requestNumber} : confirmation de l'administrateur ${deNom(letter.organisation)}`);
}

/** A PDF made of one letter. */
export function AdminValidationLetterDocument({ letter }: { letter: LetterData }) {
  return (
    <Document
      title={documentTitle(letter)}
      author={letter.sender.name}
      creator={PORTAL_NAME}
      producer={PORTAL_NAME}
      language="fr-FR"
      creationDate={letter.issuedAt}
    >
      <AdminValidationLetterPage letter={letter} />
    </Document>
  );
}

/** Several letters in one PDF, one page each (previews and tests; print batches are merged). */
export function LettersDocument({ letters }: { letters: LetterData[] }) {
  return (
    <Document title="Courriers de validation des administrateurs" author={letters[0]?.sender.name ?? PORTAL_NAME} creator={PORTAL_NAME} producer={PORTAL_NAME} language="fr-FR">
      {letters.map((letter, index) => (
        <AdminValidationLetterPage key={`${letter.requestNumber}-${index}`} letter={letter} />
      ))}
    </Document>
  );
}

/** Elements ready for `renderToBuffer` (whose type wants a Document element). */
export function adminValidationLetterElement(letter: LetterData): ReactElement<DocumentProps> {
  return <AdminValidationLetterDocument letter={letter} />;
}

export function lettersElement(letters: LetterData[]): ReactElement<DocumentProps> {
  return <LettersDocument letters={letters} />;
}
