import { describe, expect, it } from "vitest";
import { maskEmailAddress } from "./format";
import { extractLinks, renderEmail as renderTypesetEmail } from "./render";
import {
  AUTOMATIC_NOTICE,
  LATEST_COUNTS_NOTICE,
  TEMPLATE_NAMES,
  type EmailMessage,
  type TemplateDataMap,
  type TemplateName,
} from "./templates";

/** The text with no-break spaces (French typography, issue 16 item 7) read as spaces. */
const flat = (text: string) => text.replace(/\s+/g, " ");
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/**
 * The messages' content, no-break spaces read as spaces: these tests are about what each
 * message says; the typography has its own test at the end.
 */
async function renderEmail(...args: Parameters<typeof renderTypesetEmail>) {
  const email = await renderTypesetEmail(...args);
  return { ...email, subject: spaced(email.subject), text: spaced(email.text), html: spaced(email.html) };
}

const ORGANISATION = "Commune de Saint-Exemple-sur-Loire";
const support = { email: "aide@portail.test", phone: "01 02 03 04 05", hours: "en semaine, de 9 h à 17 h" };

/** One realistic message per template: its identifier, organisation and main link. */
const SAMPLES: { [K in TemplateName]: { data: TemplateDataMap[K]; identifier: string; link: string } } = {
  activation: {
    identifier: "frederic-dupont-dura",
    link: "https://portail.test/activation/tok-activation?x=1&y=2",
    data: {
      identifier: "frederic-dupont-dura",
      organisationName: ORGANISATION,
      firstName: "Frédéric",
      activationUrl: "https://portail.test/activation/tok-activation?x=1&y=2",
      requestedRole: "USER",
    },
  },
  "password-reset": {
    identifier: "amelie-martin",
    link: "https://portail.test/mot-de-passe-oublie/tok-reset",
    data: {
      accounts: [
        { identifier: "amelie-martin", organisationName: ORGANISATION, resetUrl: "https://portail.test/mot-de-passe-oublie/tok-reset" },
      ],
    },
  },
  "identifier-reminder": {
    identifier: "amelie-martin",
    link: "https://portail.test/connexion",
    data: { accounts: [{ identifier: "amelie-martin", organisationName: ORGANISATION }], loginUrl: "https://portail.test/connexion" },
  },
  "registration-existing": {
    identifier: "amelie-martin",
    link: "https://portail.test/mot-de-passe-oublie",
    data: { identifier: "amelie-martin", organisationName: ORGANISATION, forgottenPasswordUrl: "https://portail.test/mot-de-passe-oublie" },
  },
  "deputy-notice": {
    identifier: "amelie-martin",
    link: "https://portail.test/espace#suppleance",
    data: {
      event: "designated",
      identifier: "amelie-martin",
      organisationName: ORGANISATION,
      otherPersonName: "Claire Martin",
      url: "https://portail.test/espace#suppleance",
    },
  },
  "second-factor-changed": {
    identifier: "amelie-martin",
    link: "https://portail.test/espace/securite",
    data: {
      identifier: "amelie-martin",
      organisationName: ORGANISATION,
      change: "passkey_added",
      detail: "Ordinateur du bureau",
      changedAt: new Date("2026-03-10T10:05:00Z"),
      securityUrl: "https://portail.test/espace/securite",
    },
  },
  "password-changed": {
    identifier: "amelie-martin",
    link: "https://portail.test/mot-de-passe-oublie",
    data: {
      identifier: "amelie-martin",
      organisationName: ORGANISATION,
      changedAt: new Date("2026-03-10T10:05:00Z"),
      forgottenPasswordUrl: "https://portail.test/mot-de-passe-oublie",
    },
  },
  "email-change-verify": {
    identifier: "amelie-martin",
    link: "https://portail.test/espace/adresse/tok-change",
    data: { identifier: "amelie-martin", organisationName: ORGANISATION, confirmUrl: "https://portail.test/espace/adresse/tok-change" },
  },
  "email-change-notice": {
    identifier: "amelie-martin",
    link: "https://portail.test/mot-de-passe-oublie",
    data: {
      identifier: "amelie-martin",
      organisationName: ORGANISATION,
      newAddressMasked: "a***@n***.fr",
      stage: "requested",
      forgottenPasswordUrl: "https://portail.test/mot-de-passe-oublie",
    },
  },
  "administrator-confirmed": {
    identifier: "amelie-martin",
    link: "https://portail.test/administration",
    data: { identifier: "amelie-martin", organisationName: ORGANISATION, consoleUrl: "https://portail.test/administration" },
  },
  "account-validated": {
    identifier: "amelie-martin",
    link: "https://portail.test/connexion",
    data: { identifier: "amelie-martin", organisationName: ORGANISATION, loginUrl: "https://portail.test/connexion", reactivated: false },
  },
  "administrator-replaced": {
    identifier: "amelie-martin",
    link: "https://portail.test/espace",
    data: {
      identifier: "amelie-martin",
      organisationName: ORGANISATION,
      newAdministratorName: "Frédéric Dupont",
      spaceUrl: "https://portail.test/espace",
    },
  },
  "account-closed": {
    identifier: "amelie-martin",
    link: "https://portail.test/inscription",
    data: {
      identifier: "amelie-martin",
      organisationName: ORGANISATION,
      closedAt: new Date("2026-07-01T08:00:00Z"),
      registrationUrl: "https://portail.test/inscription",
    },
  },
  "inactivity-warning": {
    identifier: "amelie-martin",
    link: "https://portail.test/connexion",
    data: {
      identifier: "amelie-martin",
      organisationName: ORGANISATION,
      lastActivityAt: new Date("2024-10-31T09:00:00Z"),
      deactivationAt: new Date("2026-02-28T09:00:00Z"),
      loginUrl: "https://portail.test/connexion",
    },
  },
  "account-deactivated": {
    identifier: "amelie-martin",
    link: "https://portail.test/activation/renvoyer",
    data: {
      identifier: "amelie-martin",
      organisationName: ORGANISATION,
      reason: "INACTIVITY",
      deactivatedAt: new Date("2026-02-28T09:00:00Z"),
      reactivationUrl: "https://portail.test/activation/renvoyer",
    },
  },
  "ticket-received": {
    identifier: "amelie-martin",
    link: "https://portail.test/aide/demande/tok-ticket",
    data: {
      number: "A-2026-000123",
      identifier: "amelie-martin",
      organisationName: ORGANISATION,
      categoryLabel: "Tableaux de bord",
      message: "Le nombre de connexions du 3 mars est à zéro.",
      contextLine: "Tableau de bord : Portail — période : 30 derniers jours",
      followUrl: "https://portail.test/aide/demande/tok-ticket",
    },
  },
  "ticket-answered": {
    identifier: "amelie-martin",
    link: "https://portail.test/aide/demande/tok-ticket",
    data: {
      number: "A-2026-000123",
      identifier: "amelie-martin",
      organisationName: ORGANISATION,
      answer: "Les chiffres du 3 mars ont été recalculés.\n\nIls sont corrects depuis ce matin.",
      followUrl: "https://portail.test/aide/demande/tok-ticket",
    },
  },
  "ticket-closed": {
    identifier: "amelie-martin",
    link: "https://portail.test/aide/demande/tok-ticket",
    data: {
      number: "A-2026-000123",
      identifier: "amelie-martin",
      organisationName: ORGANISATION,
      followUrl: "https://portail.test/aide/demande/tok-ticket",
      helpUrl: "https://portail.test/aide",
    },
  },
  "ticket-reply-alert": {
    identifier: "amelie-martin",
    link: "https://portail.test/operateur/assistance/0190a0b2-0000-7000-8000-000000000001",
    data: {
      number: "A-2026-000123",
      identifier: "amelie-martin",
      organisationName: ORGANISATION,
      categoryLabel: "Tableaux de bord",
      deskUrl: "https://portail.test/operateur/assistance/0190a0b2-0000-7000-8000-000000000001",
    },
  },
  "account-reactivated-by-support": {
    identifier: "amelie-martin",
    link: "https://portail.test/connexion",
    data: { identifier: "amelie-martin", organisationName: ORGANISATION, ticketNumber: "A-2026-000123", loginUrl: "https://portail.test/connexion" },
  },
  "import-welcome": {
    identifier: "lea-moreau",
    link: "https://portail.test/activation/tok-welcome",
    data: {
      identifier: "lea-moreau",
      organisationName: ORGANISATION,
      firstName: "Léa",
      activationUrl: "https://portail.test/activation/tok-welcome",
      resendUrl: "https://portail.test/activation/renvoyer",
      kind: "welcome",
    },
  },
};

function message<K extends TemplateName>(template: K, data: TemplateDataMap[K]): EmailMessage {
  return { template, data } as EmailMessage;
}

const PASSWORD_VALUE = /mot de passe\s*:/i;

describe("MAIL-3 every template: French, HTML and text, identifier, organisation, link, automatic, latest counts", () => {
  it("covers every template of the registry", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...TEMPLATE_NAMES].sort());
  });

  it.each(TEMPLATE_NAMES)("renders %s", async (name) => {
    const sample = SAMPLES[name];
    const email = await renderEmail(message(name, sample.data), { support });

    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toContain('lang="fr"');
    for (const body of [email.html, email.text]) {
      expect(body).toContain(sample.identifier);
      expect(body).toContain(ORGANISATION);
      expect(body).toContain("Portail e-services");
    }
    // The link is printed in full in the text version, and collected for the dev mailbox.
    expect(email.text).toContain(sample.link);
    expect(email.links[0]).toBe(sample.link);
    expect(email.text).toContain(AUTOMATIC_NOTICE);
    expect(email.text).toContain(LATEST_COUNTS_NOTICE);
    expect(email.text).toContain("seul le plus récent compte");
    expect(email.text).toContain(support.email);
    // Never a password (unlike the portals of the seeds).
    expect(email.text).not.toMatch(PASSWORD_VALUE);
    expect(email.html).not.toMatch(PASSWORD_VALUE);
    // The text version reads as text: no markup, no shouted headings, no duplicated button.
    expect(email.text).not.toMatch(/<[a-z]/i);
    expect(email.text.split(sample.link)).toHaveLength(2);
  });
});

describe("MAIL-3 activation (ACC-3, ACC-4)", () => {
  const base = SAMPLES.activation.data;

  it("greets the person, gives the validity and says a user waits for the administrator", async () => {
    const email = await renderEmail(message("activation", base));
    expect(email.subject).toContain(base.identifier);
    expect(email.text).toContain("Bonjour Frédéric,");
    expect(email.text).toContain("72 heures");
    expect(email.text).toContain("l'administrateur de votre organisation");
    expect(email.text).not.toContain("représentant légal");
  });

  it("tells a future administrator about the letter to the legal representative", async () => {
    const email = await renderEmail(message("activation", { ...base, requestedRole: "ADMINISTRATOR", expiresInHours: 48 }));
    expect(email.text).toContain("48 heures");
    expect(email.text).toContain("représentant légal");
    expect(email.text).toMatch(/courrier/);
    expect(email.text).toMatch(/devenez administrateur/);
  });
});

describe("MAIL-3 password reset (ACC-7) and identifier reminder (ACC-8) for an address with several accounts", () => {
  it("lists every account with its own link, valid one hour", async () => {
    const email = await renderEmail(
      message("password-reset", {
        accounts: [
          { identifier: "amelie-martin", organisationName: ORGANISATION, resetUrl: "https://portail.test/reset/a" },
          { identifier: "amelie-martin2", organisationName: "Communauté de communes du Val", resetUrl: "https://portail.test/reset/b" },
          { identifier: "amelie-martin3", organisationName: null, resetUrl: "https://portail.test/reset/c" },
        ],
      }),
    );
    expect(email.subject).toContain("vos comptes");
    expect(email.links).toEqual(["https://portail.test/reset/a", "https://portail.test/reset/b", "https://portail.test/reset/c"]);
    expect(email.text).toContain("1 heure");
    expect(email.text).toContain("3 comptes");
    for (const name of [ORGANISATION, "Communauté de communes du Val", "amelie-martin2", "amelie-martin3"]) {
      expect(email.text).toContain(name);
    }
    // An operator has no organisation: no empty "Organisation :" line.
    expect(email.text.match(/Organisation :/g)).toHaveLength(2);
  });

  it("reminds every identifier with its organisation", async () => {
    const email = await renderEmail(
      message("identifier-reminder", {
        accounts: [
          { identifier: "jean-dupont", organisationName: ORGANISATION },
          { identifier: "jean-dupont2", organisationName: "Syndicat des eaux" },
        ],
        loginUrl: "https://portail.test/connexion",
      }),
    );
    expect(email.subject).toBe("Vos identifiants de connexion");
    expect(email.text).toMatch(/Identifiant\s:\sjean-dupont\s+Organisation\s:\sCommune de Saint-Exemple-sur-Loire/);
    expect(email.text).toMatch(/Identifiant\s:\sjean-dupont2\s+Organisation\s:\sSyndicat des eaux/);
  });
});

describe("MAIL-3 security notices", () => {
  it("dates a password change in Paris time", async () => {
    const email = await renderEmail(message("password-changed", SAMPLES["password-changed"].data));
    expect(email.text).toContain("10 mars 2026 à 11:05");
    expect(email.text).toMatch(/Ce n'était pas vous/);
  });

  it("tells the old address about a new one, masked, before and after confirmation", async () => {
    const requested = await renderEmail(message("email-change-notice", SAMPLES["email-change-notice"].data));
    const confirmed = await renderEmail(message("email-change-notice", { ...SAMPLES["email-change-notice"].data, stage: "confirmed" }));
    expect(requested.text).toContain("a***@n***.fr");
    expect(requested.text).toMatch(/confirmée/);
    expect(confirmed.subject).not.toBe(requested.subject);
    expect(confirmed.text).toContain("désormais");
  });

  it("gives the new address 24 hours to confirm", async () => {
    const email = await renderEmail(message("email-change-verify", SAMPLES["email-change-verify"].data));
    expect(email.text).toContain("24 heures");
  });
});

describe("MAIL-2 links and masking helpers", () => {
  it("keeps absolute http(s) hrefs, decoded, in order, once each", () => {
    const html =
      '<a href="https://a.test/x?y=1&amp;z=2">1</a><a href="mailto:x@y.z">2</a><a href="/relative">3</a>' +
      '<a href="http://b.test/">4</a><a href="https://a.test/x?y=1&amp;z=2">5</a>';
    expect(extractLinks(html)).toEqual(["https://a.test/x?y=1&z=2", "http://b.test/"]);
  });

  it("masks an address without giving away its length", () => {
    expect(maskEmailAddress("jean.dupont@mairie-exemple.fr")).toBe("j***@m***.fr");
    expect(maskEmailAddress("a@b")).toBe("a***@b***");
    expect(maskEmailAddress("nonsense")).toBe("***");
  });
});

describe("MAIL-3 account deactivated (LIFE-2, ADM-2): the wording follows the reason", () => {
  const base = SAMPLES["account-deactivated"].data;

  it("inactivity: 16 months, permissions not restored, a new activation link to come back", async () => {
    const email = await renderEmail(message("account-deactivated", base));
    expect(email.subject).toMatch(/faute de connexion/);
    expect(email.text).toContain("16 mois");
    expect(email.text).toMatch(/ne seront\s+pas rétablis automatiquement/);
    expect(email.text).toContain("28 février 2026 à 10:00");
  });

  it("invalidated or refused: the administrator's note and the contact hint, no reactivation link", async () => {
    const data = { ...base, note: "Agent parti en retraite", contactHint: "Adressez-vous à Mme Martin, à l'accueil de la mairie.", reactivationUrl: null };
    const invalidated = await renderEmail(message("account-deactivated", { ...data, reason: "INVALIDATED" }));
    const refused = await renderEmail(message("account-deactivated", { ...data, reason: "REFUSED" }));
    for (const email of [invalidated, refused]) {
      expect(flat(email.text)).toContain("« Agent parti en retraite »");
      expect(email.text).toContain("Mme Martin");
      expect(email.text).not.toContain("16 mois");
      expect(email.links).toEqual([]);
    }
    expect(invalidated.subject).not.toBe(refused.subject);
    expect(invalidated.text).toMatch(/ne seront\s+pas rétablis/);
    expect(refused.text).toMatch(/pas validé/);
  });

  it("inactivity warning: the date of deactivation and the way to keep the account", async () => {
    const email = await renderEmail(message("inactivity-warning", SAMPLES["inactivity-warning"].data));
    expect(email.text).toContain("28 février 2026 à 10:00");
    expect(email.text).toContain("31 octobre 2024 à 10:00");
    expect(email.text).toMatch(/connecter une fois/);
  });
});

describe("HELP-2 assistance e-mails", () => {
  it("the acknowledgement gives the ticket number, the DASH-5 context and the private link", async () => {
    const email = await renderEmail(message("ticket-received", SAMPLES["ticket-received"].data));
    expect(email.subject).toBe("Demande d'assistance A-2026-000123 enregistrée");
    expect(flat(email.text)).toContain("Tableau de bord : Portail — période : 30 derniers jours");
    expect(email.text).toContain("Le nombre de connexions du 3 mars est à zéro.");
  });

  it("to an unverified address, quotes nothing and points to the private link", async () => {
    const email = await renderEmail(
      message("ticket-received", { ...SAMPLES["ticket-received"].data, identifier: null, organisationName: null, message: null }),
    );
    expect(email.text).toContain("A-2026-000123");
    expect(email.text).not.toContain("Le nombre de connexions");
    expect(email.text).toContain("ne reprend pas le contenu de la demande");
    expect(email.links).toContain("https://portail.test/aide/demande/tok-ticket");
  });

  it("without an account, the organisation alone; the answer is quoted in full", async () => {
    const email = await renderEmail(message("ticket-answered", { ...SAMPLES["ticket-answered"].data, identifier: null }));
    expect(email.text).not.toContain("Identifiant");
    expect(flat(email.text)).toContain(`Organisation : ${ORGANISATION}`);
    expect(email.text).toContain("Ils sont corrects depuis ce matin.");
  });

  it("a reactivation by the assistance says permissions are not given back (LIFE-4)", async () => {
    const email = await renderEmail(message("account-reactivated-by-support", SAMPLES["account-reactivated-by-support"].data));
    expect(email.text).toContain("A-2026-000123");
    expect(email.text).toMatch(/ne vous sont pas rendus automatiquement/);
  });
});

describe("BULK-3 welcome e-mail of an imported account", () => {
  const base = SAMPLES["import-welcome"].data;
  it("gives the identifier and the activation link, says the person chooses the password, never sends one", async () => {
    const email = await renderEmail(message("import-welcome", base), { support });
    expect(email.subject).toContain("lea-moreau");
    expect(email.text).toContain("choisissez vous-même votre mot de passe, qui ne vous sera jamais envoyé");
    expect(email.text).toContain("https://portail.test/activation/renvoyer");
    expect(email.links[0]).toBe(base.activationUrl);
  });
  it("after a corrected address (BULK-2) it says the organisation corrected it", async () => {
    const email = await renderEmail(message("import-welcome", { ...base, kind: "corrected" }), { support });
    expect(email.text).toContain("a corrigé votre adresse électronique");
    expect(email.subject).toContain(ORGANISATION);
  });
});

describe("DEP-1 DEP-2 deputy notices", () => {
  const base = SAMPLES["deputy-notice"].data;

  it("tells the designated person what a deputy may do, and that nothing changes before they accept", async () => {
    const email = await renderEmail(message("deputy-notice", base));
    expect(email.subject).toBe(`Vous êtes désigné administrateur suppléant de ${ORGANISATION}`);
    expect(email.text).toContain("Claire Martin");
    expect(email.text).toMatch(/acceptez ou déclinez/);
    expect(email.text).toMatch(/abonnements de l'organisation et le choix des suppléants restent à l'administrateur/);
  });

  it("tells a deputy that the administrator is gone and how to ask for the role", async () => {
    const email = await renderEmail(message("deputy-notice", { ...base, event: "administrator_gone" }));
    expect(email.subject).toBe(`${ORGANISATION} n'a plus d'administrateur actif`);
    expect(email.text).toMatch(/représentant légal/);
  });

  it("warns a deputy of the administrator's coming deactivation, with its date", async () => {
    const email = await renderEmail(message("deputy-notice", { ...base, event: "administrator_inactive", deactivationAt: new Date("2026-02-28T09:00:00Z") }));
    expect(email.text).toContain("28 février 2026 à 10:00");
  });
});

describe("MAIL-3 / issue 16 item 7: every e-mail gets French typography from the renderer", () => {
  it("puts no-break spaces before high punctuation in the subject, the HTML and the text, never inside markup", async () => {
    const email = await renderTypesetEmail({
      template: "administrator-confirmed",
      data: { identifier: "jean-dupont", organisationName: "Le Havre", organisationTypeLiaison: 2, consoleUrl: "https://portail.example/administration?x=1" },
    });
    expect(email.subject).toBe("Vous êtes administrateur du Havre");
    expect(email.text).toContain("Identifiant\u00a0: jean-dupont");
    expect(email.text).toContain("Le représentant légal du Havre");
    expect(email.text).not.toMatch(/ [:;?!]/);
    expect(email.html).toContain("Identifiant\u00a0:");
    expect(email.links).toContain("https://portail.example/administration?x=1");
    expect(email.html).not.toContain("’");
  });
});
