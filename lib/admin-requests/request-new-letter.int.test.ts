import { describe, expect, it } from "vitest";
import { db } from "../db";
import { markLettersPosted } from "../letters/queue";
import { createAccount, createOrganisation } from "../testing/factories";
import { requestAdministratorRole } from "./request-administrator-role";
import { requestNewLetter } from "./request-new-letter";
import { actorOf } from "../testing/actions";

describe("LR-7 a new letter once 5 jours ouvrables have passed since posting", () => {
  it("is refused before posting and before the 5th jour ouvrable, then supersedes the request", async () => {
    const operator = await createAccount({ organisationId: null, role: "OPERATOR" });
    const requester = await createAccount({ organisationId: (await createOrganisation()).id });
    const first = await db.$transaction((tx) =>
      requestAdministratorRole(tx, {
        account: { id: requester.id, organisationId: requester.organisationId!, identifier: requester.identifier },
        actor: actorOf(requester),
      }),
    );
    await expect(requestNewLetter(db, actorOf(requester))).rejects.toThrow(/pas encore été posté/);

    const letter = await db.letter.findUniqueOrThrow({ where: { adminRequestId: first.requestId } });
    // Thursday 24 December 2026: Christmas and the Sunday are skipped.
    await markLettersPosted(db, actorOf(operator), { letterIds: [letter.id], postedOn: new Date("2026-12-24T09:00:00Z") });
    await expect(requestNewLetter(db, actorOf(requester), { now: new Date("2026-12-30T09:00:00Z") })).rejects.toThrow(/à partir du 31 décembre 2026/);

    await requestNewLetter(db, actorOf(requester), { now: new Date("2026-12-31T10:00:00Z") });
    const requests = await db.adminRequest.findMany({ where: { requesterId: requester.id }, orderBy: { createdAt: "asc" }, include: { letter: true } });
    expect(requests.map((request) => request.status)).toEqual(["SUPERSEDED", "PENDING"]);
    expect(requests[1].letter?.status).toBe("QUEUED");
    expect(requests[1].number).not.toBe(requests[0].number);
  });
});
