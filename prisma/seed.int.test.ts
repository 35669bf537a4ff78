import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/security/password-hash";
import { db } from "@/lib/db";
import { seed } from "./seed";
import { CATALOGUE } from "./seed/catalogue";
import { decryptTotpKey } from "@/lib/mfa/totp";
import { DEMO_OPERATOR, DEMO_OPERATOR_TOTP_KEY, DEMO_ORGANISATIONS, DEMO_PASSWORD } from "./seed/demo";

describe("ORG-1 seed: directory, catalogue and demo data", () => {
  it("loads the whole directory, the catalogue and the demo data, and is idempotent", async () => {
    const first = await seed(db, { demo: true });
    expect(first.organisations).toBeGreaterThan(36_000);
    expect(first.directoryRowsWritten).toBe(first.organisations);
    expect(first.eServices).toBe(CATALOGUE.length);
    expect(CATALOGUE.filter((service) => service.handlesHealthData)).toHaveLength(1);

    const counts = async () => ({
      organisations: await db.organisation.count(),
      accounts: await db.account.count(),
      subscriptions: await db.subscription.count(),
      permissions: await db.permission.count(),
      adminRequests: await db.adminRequest.count(),
      eServices: await db.eService.count(),
    });
    const before = await counts();
    const second = await seed(db, { demo: true });
    expect(second.directoryRowsWritten).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("fills the search text with the accent-free name, codes and postal codes", async () => {
    const saintEtienne = await db.organisation.findUniqueOrThrow({ where: { code: "42218" } });
    expect(saintEtienne.searchText).toContain("saint etienne");
    expect(saintEtienne.searchText).toContain("214202186");
    expect(saintEtienne.searchText).toContain("42000");
  });

  it("keeps an address edited by an operator when the directory is seeded again", async () => {
    await db.organisation.update({
      where: { code: "42218" },
      data: { addressStreet: "Place de l'Hôtel de Ville", addressPostalCode: "42007", addressCity: "SAINT ETIENNE CEDEX 1" },
    });
    await seed(db, { demo: true });
    const saintEtienne = await db.organisation.findUniqueOrThrow({ where: { code: "42218" } });
    expect(saintEtienne.addressPostalCode).toBe("42007");
    expect(saintEtienne.addressStreet).toBe("Place de l'Hôtel de Ville");
  });

  it("ORG-4 never overwrites an organisation an operator created or edited", async () => {
    await db.organisation.update({ where: { code: "25056" }, data: { name: "Ville de Besançon", postalCodes: ["25000"], directoryManaged: false } });
    await seed(db, { demo: true });
    expect(await db.organisation.findUniqueOrThrow({ where: { code: "25056" } })).toMatchObject({ name: "Ville de Besançon", postalCodes: ["25000"] });
  });

  it("creates two onboarded organisations with users in every status, and an operator", async () => {
    for (const demo of DEMO_ORGANISATIONS) {
      const organisation = await db.organisation.findUniqueOrThrow({
        where: { code: demo.code },
        include: { accounts: true, subscriptions: true, adminRequests: true },
      });
      expect(organisation.accounts.filter((account) => account.role === "ADMINISTRATOR" && account.status === "ACTIVE")).toHaveLength(1);
      expect(organisation.adminRequests.some((request) => request.status === "CONFIRMED")).toBe(true);
      expect(organisation.subscriptions).toHaveLength(demo.subscriptions.length);
    }
    const statuses = new Set((await db.account.findMany({ select: { status: true } })).map((account) => account.status));
    expect([...statuses].sort()).toEqual(["ACTIVE", "DEACTIVATED", "PENDING_ACTIVATION", "PENDING_VALIDATION"]);

    const operator = await db.account.findUniqueOrThrow({ where: { identifier: DEMO_OPERATOR.identifier } });
    expect(operator).toMatchObject({ role: "OPERATOR", organisationId: null, status: "ACTIVE" });
    expect(operator.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(operator.passwordHash!, DEMO_PASSWORD)).toBe(true);
    // MFA-3: operators must use a second factor; the demo operator's key is published.
    const totp = await db.totpSecret.findUniqueOrThrow({ where: { accountId: operator.id } });
    expect(totp.confirmedAt).not.toBeNull();
    expect(decryptTotpKey(totp, operator.id)).toBe(DEMO_OPERATOR_TOTP_KEY);
    const administrators = await db.account.findMany({ where: { role: "ADMINISTRATOR" }, select: { mfaEnrolmentDeadline: true } });
    expect(administrators.every((administrator) => administrator.mfaEnrolmentDeadline && administrator.mfaEnrolmentDeadline > new Date())).toBe(true);

    // ADM-3: the administrator holds only the permissions granted to him, like anyone.
    const permissions = await db.permission.count();
    expect(permissions).toBe(DEMO_ORGANISATIONS.flatMap((demo) => demo.accounts.flatMap((account) => account.permissions ?? [])).length);
  });

  it("refuses an operator tied to an organisation, and an account without one", async () => {
    const organisation = await db.organisation.findUniqueOrThrow({ where: { code: "42218" } });
    await expect(
      db.account.create({
        data: { identifier: "x-operateur", civility: "MADAME", firstName: "X", lastName: "Y", email: "x@y.example", role: "OPERATOR", organisationId: organisation.id },
      }),
    ).rejects.toThrow();
    await expect(
      db.account.create({ data: { identifier: "x-utilisateur", civility: "MADAME", firstName: "X", lastName: "Y", email: "x@y.example", role: "USER" } }),
    ).rejects.toThrow();
  });

  it("DASH-2 gives the demo organisations a year of portal and e-service figures, once", async () => {
    const saintEtienne = await db.organisation.findUniqueOrThrow({ where: { code: "42218" } });
    const portalDays = await db.portalDailyFigure.groupBy({ by: ["day"], where: { organisationId: saintEtienne.id } });
    expect(portalDays.length).toBeGreaterThan(250);
    const services = await db.eServiceDailyFigure.groupBy({ by: ["eServiceId"], where: { organisationId: saintEtienne.id }, _count: true });
    expect(services).toHaveLength(DEMO_ORGANISATIONS[0].subscriptions.length);
    const counts = async () => [await db.portalDailyFigure.count(), await db.eServiceDailyFigure.count()];
    const before = await counts();
    await seed(db, { demo: true });
    expect(await counts()).toEqual(before);
  });
});
