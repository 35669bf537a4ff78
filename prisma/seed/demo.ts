// Demonstration data for development: two onboarded organisations, users in every status,
// subscriptions, permissions, one person with accounts in both organisations (ORG-5) and one
// operator. The shared password is printed in the README, for development only.
import { createHash, randomBytes } from "node:crypto";
import { administratorEnrolmentDeadline } from "../../lib/mfa/policy";
import { encryptTotpKey } from "../../lib/mfa/totp";
import { hashPassword } from "../../lib/security/password-hash";
import type { Db } from "../../lib/db";
import type { AccountStatus, DeactivationReason, Prisma } from "../../lib/generated/prisma/client";
import type { CatalogueSlug } from "./catalogue";

export const DEMO_PASSWORD = "Portail-Demo-2026";
/**
 * MFA-3: operators must use a second factor, so the demo operator has an authenticator app
 * with this published key (add it to any TOTP app, or compute codes in the end-to-end
 * fixture). Development and throw-away test servers only, like the password.
 */
export const DEMO_OPERATOR_TOTP_KEY = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BANJ2W24DTEBXXMZLS";

interface DemoAccount {
  identifier: string;
  civility: "MADAME" | "MONSIEUR";
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string;
  role: "USER" | "ADMINISTRATOR" | "OPERATOR";
  status: AccountStatus;
  deactivationReason?: DeactivationReason;
  permissions?: CatalogueSlug[];
}

interface DemoOrganisation {
  code: string;
  subscriptions: CatalogueSlug[];
  accounts: DemoAccount[];
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    code: "42218", // Saint-Étienne
    subscriptions: ["etat-civil", "urbanisme", "sante-au-travail"],
    accounts: [
      { identifier: "claire-martin", civility: "MADAME", firstName: "Claire", lastName: "Martin", email: "claire.martin@saint-etienne.example", jobTitle: "Directrice générale des services", role: "ADMINISTRATOR", status: "ACTIVE", permissions: ["etat-civil"] },
      { identifier: "julien-bernard", civility: "MONSIEUR", firstName: "Julien", lastName: "Bernard", email: "julien.bernard@demo.example", jobTitle: "Officier d'état civil", role: "USER", status: "ACTIVE", permissions: ["etat-civil", "urbanisme"] },
      { identifier: "sophie-petit", civility: "MADAME", firstName: "Sophie", lastName: "Petit", email: "sophie.petit@saint-etienne.example", jobTitle: "Instructrice urbanisme", role: "USER", status: "PENDING_VALIDATION" },
      { identifier: "luc-moreau", civility: "MONSIEUR", firstName: "Luc", lastName: "Moreau", email: "luc.moreau@saint-etienne.example", jobTitle: "Agent d'accueil", role: "USER", status: "PENDING_ACTIVATION" },
      { identifier: "anne-durand", civility: "MADAME", firstName: "Anne", lastName: "Durand", email: "anne.durand@saint-etienne.example", jobTitle: "Gestionnaire des ressources humaines", role: "USER", status: "DEACTIVATED", deactivationReason: "INACTIVITY" },
    ],
  },
  {
    code: "242500361", // CU Grand Besançon Métropole
    subscriptions: ["paie-rh", "marches-publics"],
    accounts: [
      { identifier: "marc-lefebvre", civility: "MONSIEUR", firstName: "Marc", lastName: "Lefebvre", email: "marc.lefebvre@grand-besancon.example", jobTitle: "Directeur des systèmes d'information", role: "ADMINISTRATOR", status: "ACTIVE", permissions: ["paie-rh"] },
      { identifier: "nadia-garnier", civility: "MADAME", firstName: "Nadia", lastName: "Garnier", email: "nadia.garnier@grand-besancon.example", jobTitle: "Acheteuse publique", role: "USER", status: "ACTIVE", permissions: ["marches-publics"] },
      // The same person as julien-bernard, for the account switcher (ORG-5).
      { identifier: "julien-bernard2", civility: "MONSIEUR", firstName: "Julien", lastName: "Bernard", email: "julien.bernard@demo.example", jobTitle: "Chargé de mission paie", role: "USER", status: "ACTIVE", permissions: ["paie-rh"] },
    ],
  },
];

export const DEMO_OPERATOR: DemoAccount = {
  identifier: "camille-roux",
  civility: "MADAME",
  firstName: "Camille",
  lastName: "Roux",
  email: "camille.roux@operateur.example",
  jobTitle: "Opératrice du portail",
  role: "OPERATOR",
  status: "ACTIVE",
};

function statusDates(account: DemoAccount, now: Date): Partial<Prisma.AccountUncheckedCreateInput> {
  const activated = account.status !== "PENDING_ACTIVATION";
  return {
    emailVerifiedAt: activated ? now : null,
    activatedAt: activated ? now : null,
    validatedAt: account.status === "ACTIVE" || account.status === "DEACTIVATED" ? now : null,
    deactivatedAt: account.status === "DEACTIVATED" ? now : null,
    deactivationReason: account.deactivationReason ?? null,
    lastLoginAt: account.deactivationReason === "INACTIVITY" ? new Date(now.getTime() - 500 * 86_400_000) : null,
  };
}

async function upsertAccount(db: Db, account: DemoAccount, organisationId: string | null, passwordHash: string) {
  const { permissions: _permissions, ...fields } = account;
  const now = new Date();
  return db.account.upsert({
    where: { identifier: account.identifier },
    create: { ...fields, ...statusDates(account, now), organisationId, passwordHash, termsAcceptedAt: now },
    update: {},
    select: { id: true },
  });
}

export async function seedDemo(db: Db, services: Map<CatalogueSlug, string>): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const operator = await upsertAccount(db, DEMO_OPERATOR, null, passwordHash);
  if (!(await db.totpSecret.findUnique({ where: { accountId: operator.id }, select: { id: true } }))) {
    await db.totpSecret.create({ data: { accountId: operator.id, ...encryptTotpKey(DEMO_OPERATOR_TOTP_KEY, operator.id), confirmedAt: new Date() } });
  }

  for (const demo of DEMO_ORGANISATIONS) {
    const organisation = await db.organisation.findUniqueOrThrow({ where: { code: demo.code }, select: { id: true } });
    const serviceId = (slug: CatalogueSlug) => services.get(slug)!;

    const ids = new Map<string, string>();
    for (const account of demo.accounts) {
      ids.set(account.identifier, (await upsertAccount(db, account, organisation.id, passwordHash)).id);
    }
    const administrator = demo.accounts.find((account) => account.role === "ADMINISTRATOR")!;
    const administratorId = ids.get(administrator.identifier)!;
    // MFA-3: the demo administrators are within their 14 days (the banner counts them down).
    await db.account.updateMany({
      where: { id: administratorId, mfaEnrolmentDeadline: null },
      data: { mfaEnrolmentDeadline: administratorEnrolmentDeadline(new Date()) },
    });

    if (!(await db.adminRequest.findFirst({ where: { organisationId: organisation.id, status: "CONFIRMED" } }))) {
      await db.adminRequest.create({
        data: {
          number: `DEMO-${demo.code}`,
          organisationId: organisation.id,
          requesterId: administratorId,
          status: "CONFIRMED",
          codeHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
          expiresAt: new Date(),
          confirmedAt: new Date(),
          closedAt: new Date(),
        },
      });
    }

    for (const slug of demo.subscriptions) {
      const existing = await db.subscription.findFirst({
        where: { organisationId: organisation.id, eServiceId: serviceId(slug), endDate: null },
      });
      if (!existing) {
        await db.subscription.create({
          data: {
            organisationId: organisation.id,
            eServiceId: serviceId(slug),
            startDate: new Date(Date.UTC(2026, 0, 1)),
            termsAcceptedAt: new Date(),
            subscribedById: administratorId,
          },
        });
      }
    }

    for (const account of demo.accounts) {
      for (const slug of account.permissions ?? []) {
        await db.permission.upsert({
          where: { accountId_eServiceId: { accountId: ids.get(account.identifier)!, eServiceId: serviceId(slug) } },
          create: {
            accountId: ids.get(account.identifier)!,
            eServiceId: serviceId(slug),
            organisationId: organisation.id,
            grantedById: administratorId,
          },
          update: {},
        });
      }
    }
  }
}
