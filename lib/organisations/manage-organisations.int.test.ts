// ORG-3, ORG-4, ADM-5, SEC-1: operators create and edit organisations; every change is
// audited in its transaction; codes are unique and valid for their kind; nobody else may act.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import type { FormState } from "../forms";
import type { OrganisationKind } from "../generated/prisma/enums";
import { createAccount } from "../testing/factories";
import { expectNothingWrittenTo, signedInOperator } from "../testing/operator-records";
import { createOrganisation, updateOrganisation } from "./manage-organisations";
import { getOrganisationForOperator, listOrganisationsForOperator } from "./queries";
import type { OrganisationInput } from "./schemas";
import { viewerOf, formData as form, session, actorOf, operatorOf } from "../testing/actions";
import { UserError } from "../operation";

session.ip = "198.51.100.7";

const { createOrganisationAction, updateOrganisationAction } = await import("./actions");

let sequence = 0;
/** A fresh, valid public body code: 6 digits + RH. */
function publicBodyCode(): string {
  sequence += 1;
  return `${String(100_000 + (Date.now() % 800_000) + sequence).slice(-6)}RH`;
}

function errorsOf(state: FormState<unknown>) {
  expect(state.status).toBe("error");
  return state as Extract<FormState<unknown>, { status: "error" }>;
}

function validInput(overrides: Partial<OrganisationInput> = {}): OrganisationInput {
  return {
    name: "Centre de gestion de test",
    typeLiaison: 0,
    kind: "PUBLIC_BODY",
    code: publicBodyCode(),
    siren: null,
    siret: null,
    postalCodes: ["42000"],
    legalRepresentativeTitle: "Président",
    addressRecipient: "Centre de gestion de test",
    addressComplement: "Service des ressources humaines",
    addressStreet: "10 rue des Essais",
    addressPostalCode: "42000",
    addressCity: "SAINT ETIENNE",
    ...overrides,
  };
}

function formFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: "Syndicat des eaux de test",
    kind: "PUBLIC_BODY",
    code: publicBodyCode(),
    siren: "",
    siret: "",
    postalCodes: "42000, 42100",
    legalRepresentativeTitle: "Président",
    addressRecipient: "Syndicat des eaux de test",
    addressComplement: "",
    addressStreet: "1 place de l'Essai",
    addressPostalCode: "42000",
    addressCity: "Saint-Étienne",
    ...overrides,
  };
}

const { operator: currentOperator, actor: currentActor } = signedInOperator();

function expectNothingWritten(run: () => Promise<unknown>) {
  return expectNothingWrittenTo("organisation", run);
}

describe("ORG-4 operators create organisations, audited in the same transaction", () => {
  it("creates a public body with its letter address and records who did it, from where", async () => {
    const input = validInput({ code: " 314159rh " });
    const organisation = await createOrganisation(db, currentActor(), input, { ipAddress: "203.0.113.9" });
    expect(organisation).toMatchObject({
      kind: "PUBLIC_BODY",
      code: "314159RH",
      inseeCode: null,
      addressRecipient: "Centre de gestion de test",
      addressStreet: "10 rue des Essais",
      addressPostalCode: "42000",
      addressCity: "SAINT ETIENNE",
    });

    const events = await db.auditEvent.findMany({ where: { targetId: organisation.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "organisation.created",
      actorId: currentOperator().id,
      actorLabel: currentOperator().identifier,
      actorRole: "OPERATOR",
      organisationId: organisation.id,
      targetType: "organisation",
      targetLabel: "Centre de gestion de test",
      ipAddress: "203.0.113.9",
    });
    expect(events[0].details).toMatchObject({ values: { code: "314159RH", addressCity: "SAINT ETIENNE", postalCodes: ["42000"] } });
  });

  it("derives a commune's INSEE code and department, Corsica and communes déléguées included", async () => {
    const corsican = await createOrganisation(db, currentActor(), validInput({ kind: "COMMUNE", code: "2a999", name: "Commune corse de test" }));
    expect(corsican).toMatchObject({ code: "2A999", inseeCode: "2A999", departmentCode: "2A" });
    const delegated = await createOrganisation(db, currentActor(), validInput({ kind: "COMMUNE", code: "97199D", name: "Commune déléguée de test" }));
    expect(delegated).toMatchObject({ code: "97199D", inseeCode: "97199", departmentCode: "971" });
  });

  it("an EPCI's SIREN is its code; a SIRET must start with the SIREN", async () => {
    const epci = await createOrganisation(db, currentActor(), validInput({ kind: "EPCI", code: "200000172", name: "Communauté de test" }));
    expect(epci.siren).toBe("200000172");
    await expect(
      createOrganisation(db, currentActor(), validInput({ kind: "EPCI", code: "200000180", siren: "242500361" })),
    ).rejects.toMatchObject({ field: "siren" });
    await expect(createOrganisation(db, currentActor(), validInput({ siren: "242500361", siret: "73282932000074" }))).rejects.toMatchObject({
      field: "siret",
      message: expect.stringMatching(/commencer par le SIREN/),
    });
  });

  it("is found by the directory search right away", async () => {
    const organisation = await createOrganisation(db, currentActor(), validInput({ name: "Régie des Ondes Vertes" }));
    const page = await listOrganisationsForOperator(operatorOf(currentOperator()), { query: "regie ondes" });
    expect(page.rows.map((row) => row.id)).toContain(organisation.id);
    const latest = await listOrganisationsForOperator(operatorOf(currentOperator()), {});
    expect(latest.rows[0].id).toBe(organisation.id);
  });
});

describe("ORG-4 operators edit organisations, audited with the changed fields", () => {
  it("saves the changes and records exactly which fields changed", async () => {
    const organisation = await createOrganisation(db, currentActor(), validInput());
    const { organisation: updated, changes } = await updateOrganisation(
      db,
      currentActor(),
      organisation.id,
      validInput({ code: organisation.code, name: "Centre de gestion renommé", addressCity: "Firminy", postalCodes: ["42700", "42000"] }),
      { ipAddress: "203.0.113.10" },
    );
    expect(updated).toMatchObject({ name: "Centre de gestion renommé", addressCity: "FIRMINY", postalCodes: ["42700", "42000"] });
    expect(changes).toEqual({
      name: { from: "Centre de gestion de test", to: "Centre de gestion renommé" },
      addressCity: { from: "SAINT ETIENNE", to: "FIRMINY" },
      postalCodes: { from: ["42000"], to: ["42700", "42000"] },
    });

    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: organisation.id, action: "organisation.updated" } });
    expect(event).toMatchObject({ actorId: currentOperator().id, organisationId: organisation.id, ipAddress: "203.0.113.10" });
    expect(event.details).toEqual({ changes: JSON.parse(JSON.stringify(changes)) });

    const detail = await getOrganisationForOperator(operatorOf(currentOperator()), organisation.id);
    expect(detail?.events.map((recent) => recent.action)).toEqual(["organisation.updated", "organisation.created"]);
  });

  it("an unchanged form writes nothing, not even an audit event", async () => {
    const organisation = await createOrganisation(db, currentActor(), validInput());
    await expectNothingWritten(async () => {
      const outcome = await updateOrganisation(db, currentActor(), organisation.id, validInput({ code: organisation.code }));
      expect(outcome.changes).toEqual({});
    });
  });

  it("a kind change moves the code to the new format and drops the commune's INSEE code", async () => {
    const commune = await createOrganisation(db, currentActor(), validInput({ kind: "COMMUNE", code: "42998" }));
    await expect(updateOrganisation(db, currentActor(), commune.id, validInput({ kind: "ASSOCIATION", code: "42998" }))).rejects.toMatchObject({
      field: "code",
      message: expect.stringMatching(/W suivie de 9 chiffres/),
    });
    const { organisation } = await updateOrganisation(db, currentActor(), commune.id, validInput({ kind: "ASSOCIATION", code: "w420000998" }));
    expect(organisation).toMatchObject({ kind: "ASSOCIATION", code: "W420000998", inseeCode: null, departmentCode: null });
  });

  it("an unknown organisation is refused", async () => {
    await expect(updateOrganisation(db, currentActor(), "0190f3a4-0000-7000-8000-000000000000", validInput())).rejects.toThrow(/n'existe pas/);
    expect(await getOrganisationForOperator(operatorOf(currentOperator()), "0190f3a4-0000-7000-8000-000000000000")).toBeNull();
    expect(await getOrganisationForOperator(operatorOf(currentOperator()), "pas-un-identifiant")).toBeNull();
  });
});

describe("ORG-3 duplicate and invalid codes are refused, nothing written", () => {
  it("a code already used is refused on creation and on edition, naming its holder", async () => {
    const first = await createOrganisation(db, currentActor(), validInput({ name: "Premier organisme" }));
    const second = await createOrganisation(db, currentActor(), validInput({ name: "Second organisme" }));
    await expectNothingWritten(async () => {
      const created = createOrganisation(db, currentActor(), validInput({ code: first.code.toLowerCase() }));
      await expect(created).rejects.toBeInstanceOf(UserError);
      await expect(created).rejects.toMatchObject({ field: "code", message: expect.stringMatching(/« Premier organisme »/) });
      await expect(updateOrganisation(db, currentActor(), second.id, validInput({ code: first.code }))).rejects.toMatchObject({
        field: "code",
        message: expect.stringMatching(/déjà celui de l'organisation « Premier organisme »/),
      });
      const state = errorsOf(await createOrganisationAction({ status: "idle" }, form(formFields({ code: ` ${first.code} ` }))));
      expect(state.fieldErrors.code).toMatch(/Premier organisme/);
      expect(state.values.name).toBe("Syndicat des eaux de test");
    });
  });

  const invalidCodes: [OrganisationKind, string, RegExp][] = [
    ["COMMUNE", "2C004", /code INSEE/],
    ["EPCI", "242500362", /chiffre de contrôle/],
    ["ASSOCIATION", "W12345", /W suivie de 9 chiffres/],
    ["PUBLIC_BODY", "12345RH", /6 chiffres suivis des lettres RH/],
    ["COMPANY", "55210055", /9 chiffres/],
    ["OTHER", "A B", /de 3 à 20 caractères/],
  ];

  it.each(invalidCodes)("%s: %s is refused with the expected format", async (kind, code, message) => {
    await expectNothingWritten(async () => {
      await expect(createOrganisation(db, currentActor(), validInput({ kind, code }))).rejects.toMatchObject({ field: "code", message: expect.stringMatching(message) });
      const state = errorsOf(await createOrganisationAction({ status: "idle" }, form(formFields({ kind, code }))));
      expect(state.fieldErrors.code).toMatch(message);
      expect(state.values.code).toBe(code);
    });
  });

  it("the form reports every problem at once and keeps the values typed", async () => {
    await expectNothingWritten(async () => {
      const state = errorsOf(
        await createOrganisationAction(
          { status: "idle" },
          form(formFields({ name: " ", code: "12345RH", siret: "123", postalCodes: "42000, 4210, ABCDE", addressRecipient: "", addressPostalCode: "4200" })),
        ),
      );
      expect(state.fieldErrors).toEqual({
        name: "Indiquez le nom de l'organisation.",
        code: expect.stringMatching(/123456RH/),
        siret: expect.stringMatching(/14 chiffres/),
        postalCodes: expect.stringMatching(/4210, ABCDE.*5 chiffres/),
        addressRecipient: expect.stringMatching(/destinataire/),
        addressPostalCode: expect.stringMatching(/5 chiffres/),
      });
      expect(state.values.postalCodes).toBe("42000, 4210, ABCDE");
    });
  });

  it("forged input: a missing kind, 10 KB strings, an unknown or malformed id", async () => {
    const organisation = await createOrganisation(db, currentActor(), validInput());
    const huge = "x".repeat(10_240);
    await expectNothingWritten(async () => {
      const noKind = errorsOf(await createOrganisationAction({ status: "idle" }, form(formFields({ kind: "MAIRIE" }))));
      expect(noKind.fieldErrors.kind).toBe("Choisissez le type d'organisation.");
      const big = errorsOf(await createOrganisationAction({ status: "idle" }, form(formFields({ name: huge, code: huge, postalCodes: huge }))));
      expect(big.fieldErrors).toMatchObject({ name: "150 caractères au plus.", code: expect.stringMatching(/trop long/), postalCodes: expect.stringMatching(/trop longue/) });
      expect(JSON.stringify(big.values).length).toBeLessThan(5_000);

      for (const organisationId of ["0190f3a4-0000-7000-8000-000000000000", "pas-un-identifiant", ""]) {
        const state = errorsOf(await updateOrganisationAction({ status: "idle" }, form(formFields({ organisationId, code: organisation.code }))));
        expect(state.message).toMatch(/n'existe pas ou plus/);
      }
    });
  });
});

describe("SEC-1 ORG-4 only operators may create or edit organisations", () => {
  it("an currentOperator() creates (then lands on the organisation's page) and edits", async () => {
    const code = publicBodyCode();
    await expect(createOrganisationAction({ status: "idle" }, form(formFields({ code: code.toLowerCase() })))).rejects.toThrow(
      /^NEXT_REDIRECT \/operateur\/organisations\/[0-9a-f-]{36}\?info=creee$/,
    );
    const created = await db.organisation.findUniqueOrThrow({ where: { code } });
    expect(created).toMatchObject({ name: "Syndicat des eaux de test", postalCodes: ["42000", "42100"], addressCity: "SAINT ETIENNE" });
    expect(await db.auditEvent.findFirst({ where: { targetId: created.id, action: "organisation.created" } })).toMatchObject({
      actorId: currentOperator().id,
      ipAddress: "198.51.100.7",
    });

    const state = await updateOrganisationAction(
      { status: "idle" },
      form(formFields({ organisationId: created.id, code, addressComplement: "Bâtiment B", legalRepresentativeTitle: "Présidente" })),
    );
    expect(state).toMatchObject({
      status: "success",
      message: "Les modifications de l'organisation sont enregistrées.",
      values: { code, addressComplement: "Bâtiment B", addressCity: "SAINT ETIENNE", postalCodes: "42000, 42100" },
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: created.id, action: "organisation.updated" } });
    expect(Object.keys(event.details as object)).toEqual(["changes"]);
    expect(Object.keys((event.details as { changes: object }).changes).sort()).toEqual(["addressComplement", "legalRepresentativeTitle"]);

    const again = await updateOrganisationAction(
      { status: "idle" },
      form(formFields({ organisationId: created.id, code, addressComplement: "Bâtiment B", legalRepresentativeTitle: "Présidente" })),
    );
    expect(again).toMatchObject({ status: "success", message: expect.stringMatching(/Aucune modification/) });
  });

  const FORBIDDEN = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };
  const TO_LOGIN = { message: "NEXT_REDIRECT /connexion?callbackUrl=%2Foperateur%2Forganisations" };

  it.each([
    ["an administrator", "ADMINISTRATOR" as const, FORBIDDEN],
    ["a user", "USER" as const, FORBIDDEN],
    ["nobody signed in", null, TO_LOGIN],
  ])("%s is refused and nothing is written", async (_who, role, refusal) => {
    const target = await createOrganisation(db, currentActor(), validInput());
    session.viewer = role ? viewerOf(await createAccount({ role })) : null;
    await expectNothingWritten(async () => {
      await expect(createOrganisationAction({ status: "idle" }, form(formFields()))).rejects.toMatchObject(refusal);
      await expect(
        updateOrganisationAction({ status: "idle" }, form(formFields({ organisationId: target.id, code: target.code, name: "Piraté" }))),
      ).rejects.toMatchObject(refusal);
      // Even an empty form is refused before it is parsed.
      await expect(updateOrganisationAction({ status: "idle" }, form({}))).rejects.toMatchObject(refusal);
    });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: target.id } })).name).toBe("Centre de gestion de test");
  });

  it("the service itself refuses an currentActor() who is not an currentOperator()", async () => {
    const administrator = await createAccount({ role: "ADMINISTRATOR" });
    await expectNothingWritten(async () => {
      await expect(createOrganisation(db, actorOf(administrator), validInput())).rejects.toThrow(/operators/);
    });
  });
});
