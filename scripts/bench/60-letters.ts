// Letters (SPEC: a batch of 500 letters under 30 s). Each letter is rendered once, when its
// request is made (the code exists in clear only then); the operator's batch merges the
// stored PDFs. Both are measured: rendering 500 letters one by one, and the 500-letter batch.
import { mergePdfs } from "../../lib/letters/merge-pdfs";
import { renderLetterPdf } from "../../lib/letters/render-letter";
import { line, timed, type BenchSection } from "./measure";

const LETTERS = 500;

const section: BenchSection = {
  title: "Letters",
  async run() {
    const issuedAt = new Date();
    const rendered = await timed(async () => {
      const pdfs: Buffer[] = [];
      for (let n = 0; n < LETTERS; n++) {
        pdfs.push(
          await renderLetterPdf({
            requestNumber: `DA-${String(1000 + n).padStart(4, "0")}-0000`,
            confirmationCode: "K7QM-3XRT-9PWA",
            expiresAt: new Date(issuedAt.getTime() + 60 * 86_400_000),
            issuedAt,
            validationUrl: "https://portail.example/validation-administrateur",
            organisation: { name: `Commune numéro ${n}`, code: String(10_000 + n) },
            addressLines: ["Monsieur le Maire", `Mairie de la commune numéro ${n}`, "1 place de la Mairie", "42000 SAINT-ÉTIENNE"],
            requester: { civility: "MADAME", firstName: "Élise", lastName: "Lefèvre", jobTitle: "Secrétaire de mairie", email: "elise@example.fr", identifier: "elise-lefevre" },
            currentAdministrator: n % 3 ? null : { firstName: "Paul", lastName: "Martin" },
            supportEmail: "assistance@portail.example",
            supportPhone: "01 00 00 00 00",
            sender: { name: "Syndicat mixte du numérique", address: ["2 rue de la Poste", "42000 SAINT ETIENNE"], caseOfficer: "Le service des e-services", logo: null },
          }),
        );
      }
      return pdfs;
    });
    line(`Letters rendered one by one (${LETTERS})`, `${rendered.seconds.toFixed(1)} s, ${((rendered.seconds * 1000) / LETTERS).toFixed(0)} ms per letter (at request time)`);
    const batch = await timed(() => mergePdfs(rendered.value));
    line(`Print batch of ${LETTERS} letters`, `${batch.seconds.toFixed(1)} s, ${(batch.value.length / 1_048_576).toFixed(1)} MiB`, "< 30 s");
  },
};
export default section;
