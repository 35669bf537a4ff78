// LR-6 / issue 16 item 3: a letter to an address without street is flagged in the queue and,
// once the operator completes the address, rendered again to it.
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { requestAdministratorRole } from "../admin-requests/request-administrator-role";
import { db } from "../db";
import { updateOrganisation } from "../organisations/manage-organisations";
import { organisationFormValues } from "../organisations/form-values";
import { checkOrganisation } from "../organisations/schemas";
import { actorOf } from "../testing/actions";
import { createAccount, createOrganisation } from "../testing/factories";
import { listQueuedLetters } from "./queue";

async function pdfText(pdf: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("LR-6 / issue 16 item 3: the queue flags addresses without street before printing", () => {
  it("flags the letter, then refreshes it when the operator completes the address", { timeout: 60_000 }, async () => {
    const organisation = await createOrganisation({ name: "Annecy", code: "74999" });
    await db.organisation.update({ where: { id: organisation.id }, data: { typeLiaison: 1, addressRecipient: "Mairie d'Annecy", addressStreet: null } });
    const requester = await createAccount({ organisationId: organisation.id });
    const operator = await createAccount({ organisationId: null, role: "OPERATOR" });
    const { requestId } = await db.$transaction((tx) =>
      requestAdministratorRole(tx, { account: { id: requester.id, organisationId: organisation.id, identifier: requester.identifier }, actor: actorOf(requester) }),
    );

    const [flagged] = (await listQueuedLetters(db)).filter((letter) => letter.adminRequest.organisation.id === organisation.id);
    expect(flagged).toMatchObject({ addressComplete: false, addressProblems: ["pas de numéro ni de voie"] });
    const before = await db.letter.findUniqueOrThrow({ where: { adminRequestId: requestId } });
    expect(await pdfText(before.pdf!)).toContain("confirmation de l'administrateur d'Annecy");

    const current = await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    const checked = checkOrganisation({ ...organisationFormValues(current), addressStreet: "1 rue de l'Hôtel de Ville" } as Parameters<typeof checkOrganisation>[0]);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    await updateOrganisation(db, actorOf(operator), organisation.id, checked.input);

    const [complete] = (await listQueuedLetters(db)).filter((letter) => letter.adminRequest.organisation.id === organisation.id);
    expect(complete.addressComplete).toBe(true);
    const after = await db.letter.findUniqueOrThrow({ where: { adminRequestId: requestId } });
    expect(after.addressLines.some((line) => /h[oô]tel de ville/i.test(line))).toBe(true);
    expect(await pdfText(after.pdf!)).toMatch(/1 rue de l'H[oô]tel de Ville/i);
  });
});
