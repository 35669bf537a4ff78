// ADM, ADM-5, SEC-1: operators create and edit the e-services of the catalogue; every change
// is audited in its transaction; slugs are unique, addresses https; nobody else may act.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import type { FormState } from "../forms";
import { createAccount } from "../testing/factories";
import { expectNothingWrittenTo, signedInOperator } from "../testing/operator-records";
import { createEService, updateEService } from "./manage-catalogue";
import { getEServiceForOperator, listEServicesForOperator } from "./queries";
import type { EServiceInput } from "./schemas";
import { viewerOf, formData as form, session, actorOf, operatorOf } from "../testing/actions";
import { UserError } from "../operation";

session.ip = "198.51.100.7";

const { createEServiceAction, updateEServiceAction } = await import("./actions");

let sequence = 0;
function uniqueSlug(): string {
  sequence += 1;
  return `test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${sequence}`;
}

function errorsOf(state: FormState<unknown>) {
  expect(state.status).toBe("error");
  return state as Extract<FormState<unknown>, { status: "error" }>;
}

function validInput(overrides: Partial<EServiceInput> = {}): EServiceInput {
  return {
    name: "État civil de test",
    slug: uniqueSlug(),
    description: "Demandes d'actes d'état civil en ligne.",
    url: "https://etat-civil.example.fr",
    termsText: "Conditions d'utilisation de l'e-service de test.",
    handlesHealthData: false,
    requiresSecondFactor: false,
    active: true,
    ...overrides,
  };
}

function formFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: "Cantine de test",
    slug: uniqueSlug(),
    description: "Inscriptions à la cantine scolaire.",
    url: "https://cantine.example.fr/",
    termsText: "Conditions d'utilisation de la cantine de test.",
    active: "on",
    ...overrides,
  };
}

const { operator: currentOperator, actor: currentActor } = signedInOperator();

function expectNothingWritten(run: () => Promise<unknown>) {
  return expectNothingWrittenTo("eService", run);
}

describe("ADM catalogue: operators create and edit e-services, audited", () => {
  it("creates an e-service and records who did it, from where", async () => {
    const slug = uniqueSlug();
    const eService = await createEService(db, currentActor(), validInput({ slug, handlesHealthData: true }), { ipAddress: "203.0.113.9" });
    expect(eService).toMatchObject({ slug, handlesHealthData: true, active: true });
    const events = await db.auditEvent.findMany({ where: { targetId: eService.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "e_service.created",
      actorId: currentOperator().id,
      actorRole: "OPERATOR",
      targetType: "e_service",
      targetLabel: "État civil de test",
      ipAddress: "203.0.113.9",
    });
    expect(events[0].details).toMatchObject({ values: { slug, handlesHealthData: true, url: "https://etat-civil.example.fr" } });
    const rows = await listEServicesForOperator(operatorOf(currentOperator()));
    expect(rows.find((row) => row.id === eService.id)).toMatchObject({ slug, active: true, organisations: 0 });
  });

  it("saves the changes with exactly the changed fields; an unchanged form writes nothing", async () => {
    const eService = await createEService(db, currentActor(), validInput());
    const { eService: updated, changes } = await updateEService(
      db,
      currentActor(),
      eService.id,
      validInput({ slug: eService.slug, name: "État civil renommé", active: false }),
    );
    expect(updated).toMatchObject({ name: "État civil renommé", active: false });
    expect(changes).toEqual({ name: { from: "État civil de test", to: "État civil renommé" }, active: { from: true, to: false } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: eService.id, action: "e_service.updated" } });
    expect(event).toMatchObject({ actorId: currentOperator().id });
    expect(event.details).toEqual({ changes });

    await expectNothingWritten(async () => {
      const outcome = await updateEService(db, currentActor(), eService.id, validInput({ slug: eService.slug, name: "État civil renommé", active: false }));
      expect(outcome.changes).toEqual({});
    });
    expect(await getEServiceForOperator(operatorOf(currentOperator()), "pas-un-identifiant")).toBeNull();
    await expect(updateEService(db, currentActor(), "0190f3a4-0000-7000-8000-000000000000", validInput())).rejects.toThrow(/n'existe pas/);
  });

  it("a duplicate slug is refused on creation and edition, nothing written", async () => {
    const first = await createEService(db, currentActor(), validInput({ name: "Premier service" }));
    const second = await createEService(db, currentActor(), validInput({ name: "Second service" }));
    await expectNothingWritten(async () => {
      const created = createEService(db, currentActor(), validInput({ slug: first.slug }));
      await expect(created).rejects.toBeInstanceOf(UserError);
      await expect(created).rejects.toMatchObject({ field: "slug", message: expect.stringMatching(/déjà celui de l'e-service « Premier service »/) });
      await expect(updateEService(db, currentActor(), second.id, validInput({ slug: first.slug }))).rejects.toMatchObject({ field: "slug" });
      const state = errorsOf(await createEServiceAction({ status: "idle" }, form(formFields({ slug: ` ${first.slug.toUpperCase()} ` }))));
      expect(state.fieldErrors.slug).toMatch(/Premier service/);
      expect(state.values.name).toBe("Cantine de test");
    });
  });

  it.each([
    ["http://cantine.example.fr"],
    ["ftp://cantine.example.fr"],
    ["cantine.example.fr"],
    ["javascript:alert(1)"],
    ["https://user:secret@cantine.example.fr"],
  ])("the address %s is refused, nothing written", async (url) => {
    await expectNothingWritten(async () => {
      await expect(createEService(db, currentActor(), validInput({ url }))).rejects.toMatchObject({ field: "url", message: expect.stringMatching(/https/) });
      const state = errorsOf(await createEServiceAction({ status: "idle" }, form(formFields({ url }))));
      expect(state.fieldErrors.url).toMatch(/https/);
    });
  });

  it("http is accepted for a local e-service only", async () => {
    const local = await createEService(db, currentActor(), validInput({ url: "http://localhost:4000/essai" }));
    expect(local.url).toBe("http://localhost:4000/essai");
  });

  it("the form reports every problem at once", async () => {
    await expectNothingWritten(async () => {
      const state = errorsOf(
        await createEServiceAction(
          { status: "idle" },
          form(formFields({ name: "X", slug: "Avec Espace", description: "court", termsText: "x".repeat(10_001) })),
        ),
      );
      expect(state.fieldErrors).toEqual({
        name: "2 caractères au moins.",
        slug: expect.stringMatching(/minuscules/),
        description: "10 caractères au moins.",
        termsText: "10000 caractères au plus.",
      });
    });
  });
});

describe("MFA-6 ADM catalogue: an operator marks an e-service « second factor required », audited", () => {
  it("ticks and unticks the box; each change is an audited field change", async () => {
    const slug = uniqueSlug();
    await expect(createEServiceAction({ status: "idle" }, form(formFields({ slug, requiresSecondFactor: "on" })))).rejects.toThrow(/^NEXT_REDIRECT /);
    const created = await db.eService.findUniqueOrThrow({ where: { slug } });
    expect(created.requiresSecondFactor).toBe(true);
    const creation = await db.auditEvent.findFirstOrThrow({ where: { targetId: created.id, action: "e_service.created" } });
    expect(creation.details).toMatchObject({ values: { requiresSecondFactor: true } });

    // Unticked, the box is absent from the form: the requirement is lifted.
    const state = await updateEServiceAction({ status: "idle" }, form(formFields({ eServiceId: created.id, slug })));
    expect(state).toMatchObject({ status: "success", values: { requiresSecondFactor: "" } });
    expect((await db.eService.findUniqueOrThrow({ where: { id: created.id } })).requiresSecondFactor).toBe(false);
    const update = await db.auditEvent.findFirstOrThrow({ where: { targetId: created.id, action: "e_service.updated" } });
    expect((update.details as { changes: object }).changes).toEqual({ requiresSecondFactor: { from: true, to: false } });
  });
});

describe("SEC-1 ADM catalogue: only operators may create or edit e-services", () => {
  it("an currentOperator() creates (then lands on the e-service's page) and edits", async () => {
    const slug = uniqueSlug();
    await expect(createEServiceAction({ status: "idle" }, form(formFields({ slug, handlesHealthData: "on" })))).rejects.toThrow(
      /^NEXT_REDIRECT \/operateur\/catalogue\/[0-9a-f-]{36}\?info=cree$/,
    );
    const created = await db.eService.findUniqueOrThrow({ where: { slug } });
    expect(created).toMatchObject({ name: "Cantine de test", handlesHealthData: true, active: true });
    expect(await db.auditEvent.findFirst({ where: { targetId: created.id, action: "e_service.created" } })).toMatchObject({
      actorId: currentOperator().id,
      ipAddress: "198.51.100.7",
    });

    // Unticked boxes are absent from the form: the e-service is withdrawn, health flag off.
    const fields = formFields({ eServiceId: created.id, slug, description: "Inscriptions à la cantine et au périscolaire." });
    delete fields.active;
    const state = await updateEServiceAction({ status: "idle" }, form(fields));
    expect(state).toMatchObject({
      status: "success",
      message: "Les modifications de l'e-service sont enregistrées.",
      values: { slug, active: "", handlesHealthData: "" },
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: created.id, action: "e_service.updated" } });
    expect(Object.keys((event.details as { changes: object }).changes).sort()).toEqual(["active", "description", "handlesHealthData"]);

    const again = await updateEServiceAction({ status: "idle" }, form(fields));
    expect(again).toMatchObject({ status: "success", message: expect.stringMatching(/Aucune modification/) });

    for (const eServiceId of ["0190f3a4-0000-7000-8000-000000000000", "pas-un-identifiant", ""]) {
      const refused = errorsOf(await updateEServiceAction({ status: "idle" }, form(formFields({ eServiceId }))));
      expect(refused.message).toMatch(/n'existe pas ou plus/);
    }
  });

  const FORBIDDEN = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };
  const TO_LOGIN = { message: "NEXT_REDIRECT /connexion?callbackUrl=%2Foperateur%2Fcatalogue" };

  it.each([
    ["an administrator", "ADMINISTRATOR" as const, FORBIDDEN],
    ["a user", "USER" as const, FORBIDDEN],
    ["nobody signed in", null, TO_LOGIN],
  ])("%s is refused and nothing is written", async (_who, role, refusal) => {
    const target = await createEService(db, currentActor(), validInput());
    session.viewer = role ? viewerOf(await createAccount({ role })) : null;
    await expectNothingWritten(async () => {
      await expect(createEServiceAction({ status: "idle" }, form(formFields()))).rejects.toMatchObject(refusal);
      await expect(
        updateEServiceAction({ status: "idle" }, form(formFields({ eServiceId: target.id, slug: target.slug, name: "Piraté" }))),
      ).rejects.toMatchObject(refusal);
      await expect(updateEServiceAction({ status: "idle" }, form({}))).rejects.toMatchObject(refusal);
    });
    expect((await db.eService.findUniqueOrThrow({ where: { id: target.id } })).name).toBe("État civil de test");
  });

  it("the service itself refuses an currentActor() who is not an currentOperator()", async () => {
    const administrator = await createAccount({ role: "ADMINISTRATOR" });
    await expectNothingWritten(async () => {
      await expect(createEService(db, actorOf(administrator), validInput())).rejects.toThrow(/operators/);
    });
  });
});
