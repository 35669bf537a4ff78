// Issue 16 items 8, 9 and 10, for every page of the app:
// - no page scrolls sideways at 320 CSS px, nor at 200 % zoom of a 1280 px window (640 CSS px)
//   (WCAG 1.4.10): wide tables scroll inside their own region;
// - every page has its own title, "<page> – Portail e-services";
// - French typography reaches every text of the page (issue 16 item 1): no ordinary space
//   before « : ; ! ? » nor inside « » (they take a no-break one, applied by the JSX runtime,
//   lib/french/jsx-runtime.ts), in the header, the main content and the footer;
// - the home after sign-in and the sub-pages of Mon espace pass axe, on a phone too, and the
//   home works with the keyboard alone (the menu button, then the tasks).
// The list of pages is checked against app/**/page.tsx at test time: a new page fails here
// until it is added, with the person who can see it.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { DEMO_PASSWORD, login } from "./fixtures/journeys";

type Persona = "visitor" | "user" | "administrator" | "operator";

const IDENTIFIERS: Record<Exclude<Persona, "visitor">, string> = {
  user: "julien-bernard",
  administrator: "marc-lefebvre",
  operator: "camille-roux",
};

/** How to reach a page: a fixed address, or one found through the interface (ids of records). */
type Target = string | ((page: Page) => Promise<string>);

/** The href of the first link of `page` whose href matches `pattern`, once `from` is open. */
function firstLink(from: string, pattern: RegExp): (page: Page) => Promise<string> {
  return async (page) => {
    await page.goto(from);
    const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    const href = hrefs.find((candidate) => pattern.test(candidate));
    if (!href) throw new Error(`Aucun lien ${pattern} sur ${from}`);
    return href;
  };
}

const UNKNOWN_TOKEN = "jeton-inconnu-0123456789abcdefghijklmnopqrstuvwxyz";

/** Every route of app/, the person who sees it, and where to find it. */
const ROUTES: Record<string, { as: Persona; target: Target }> = {
  "/": { as: "visitor", target: "/" },
  "/accessibilite": { as: "visitor", target: "/accessibilite" },
  "/activation/[token]": { as: "visitor", target: `/activation/${UNKNOWN_TOKEN}` },
  "/activation/renvoyer": { as: "visitor", target: "/activation/renvoyer" },
  "/aide": { as: "visitor", target: "/aide" },
  "/aide/demande/[token]": { as: "visitor", target: `/aide/demande/${UNKNOWN_TOKEN}` },
  "/aide/navigateurs": { as: "visitor", target: "/aide/navigateurs" },
  "/conditions-generales": { as: "visitor", target: "/conditions-generales" },
  "/connexion": { as: "visitor", target: "/connexion" },
  "/connexion/verification": { as: "visitor", target: "/connexion/verification" },
  "/cookies": { as: "visitor", target: "/cookies" },
  "/donnees-personnelles": { as: "visitor", target: "/donnees-personnelles" },
  "/identifiant-oublie": { as: "visitor", target: "/identifiant-oublie" },
  "/inscription": { as: "visitor", target: "/inscription" },
  "/mentions-legales": { as: "visitor", target: "/mentions-legales" },
  "/mot-de-passe-oublie": { as: "visitor", target: "/mot-de-passe-oublie" },
  "/mot-de-passe-oublie/[token]": { as: "visitor", target: `/mot-de-passe-oublie/${UNKNOWN_TOKEN}` },
  "/validation-administrateur": { as: "visitor", target: "/validation-administrateur" },
  "/dev/mailbox": { as: "visitor", target: "/dev/mailbox" },

  "/accueil": { as: "user", target: "/accueil" },
  "/e-services": { as: "user", target: "/e-services" },
  "/e-services/[slug]": { as: "user", target: "/e-services/etat-civil" },
  "/espace": { as: "user", target: "/espace" },
  "/espace/adresse": { as: "user", target: "/espace/adresse" },
  "/espace/adresse/[token]": { as: "user", target: `/espace/adresse/${UNKNOWN_TOKEN}` },
  "/espace/comptes": { as: "user", target: "/espace/comptes" },
  "/espace/demandes/[id]": { as: "user", target: firstLink("/espace", /^\/espace\/demandes\/[0-9a-f-]{36}$/) },
  "/espace/donnees": { as: "user", target: "/espace/donnees" },
  "/espace/mot-de-passe": { as: "user", target: "/espace/mot-de-passe" },
  "/espace/profil": { as: "user", target: "/espace/profil" },
  "/espace/securite": { as: "user", target: "/espace/securite" },
  "/tableaux-de-bord": { as: "user", target: "/tableaux-de-bord" },
  "/oidc/interaction/[uid]": { as: "user", target: "/oidc/interaction/interaction-inconnue" },

  "/administration": { as: "administrator", target: "/administration" },
  "/administration/abonnements": { as: "administrator", target: "/administration/abonnements" },
  "/administration/comptes": { as: "administrator", target: "/administration/comptes?statut=ACTIVE" },
  "/administration/imports": { as: "administrator", target: "/administration/imports" },
  "/administration/imports/[id]": { as: "administrator", target: firstLink("/administration/imports", /^\/administration\/imports\/[0-9a-f-]{36}$/) },
  "/administration/invitations": { as: "administrator", target: "/administration/invitations" },
  "/administration/journal": { as: "administrator", target: "/administration/journal" },
  "/administration/suppleants": { as: "administrator", target: "/administration/suppleants" },
  "/administration/permissions": { as: "administrator", target: "/administration/permissions" },

  "/operateur": { as: "operator", target: "/operateur" },
  "/operateur/assistance": { as: "operator", target: "/operateur/assistance" },
  "/operateur/assistance/[id]": { as: "operator", target: firstLink("/operateur/assistance", /^\/operateur\/assistance\/[0-9a-f-]{36}$/) },
  "/operateur/catalogue": { as: "operator", target: "/operateur/catalogue" },
  "/operateur/catalogue/[id]": { as: "operator", target: firstLink("/operateur/catalogue", /^\/operateur\/catalogue\/[0-9a-f-]{36}$/) },
  "/operateur/catalogue/nouveau": { as: "operator", target: "/operateur/catalogue/nouveau" },
  "/operateur/courrier": { as: "operator", target: "/operateur/courrier" },
  "/operateur/journal": { as: "operator", target: "/operateur/journal" },
  "/operateur/organisations": { as: "operator", target: "/operateur/organisations" },
  "/operateur/organisations/[id]": { as: "operator", target: firstLink(`/operateur/organisations?q=${encodeURIComponent("Grand Besançon")}`, /^\/operateur\/organisations\/[0-9a-f-]{36}$/) },
  "/operateur/organisations/[id]/imports": {
    as: "operator",
    target: async (page) => `${await firstLink(`/operateur/organisations?q=${encodeURIComponent("Grand Besançon")}`, /^\/operateur\/organisations\/[0-9a-f-]{36}$/)(page)}/imports`,
  },
  "/operateur/organisations/[id]/imports/[importId]": {
    as: "operator",
    target: async (page) => {
      const organisation = await firstLink(`/operateur/organisations?q=${encodeURIComponent("Grand Besançon")}`, /^\/operateur\/organisations\/[0-9a-f-]{36}$/)(page);
      return firstLink(`${organisation}/imports`, /^\/operateur\/organisations\/[0-9a-f-]{36}\/imports\/[0-9a-f-]{36}$/)(page);
    },
  },
  "/operateur/organisations/nouvelle": { as: "operator", target: "/operateur/organisations/nouvelle" },
};

/** The routes of app/: each page.tsx, route groups "(…)" left out. */
function appRoutes(): string[] {
  // Playwright runs from the project root (playwright.config.ts).
  const app = path.resolve(process.cwd(), "app");
  return readdirSync(app, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => {
      const segments = path.dirname(file).split(path.sep).filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment));
      return `/${segments.join("/")}`;
    })
    .sort();
}

const WIDTHS = [
  { name: "320 px", viewport: { width: 320, height: 640 } },
  { name: "200 % de 1280 px", viewport: { width: 640, height: 400 } },
];

const TITLE = /^(.+) – Portail e-services$/;

/** What a page showed: where it landed, its title, and its widths at each viewport. */
interface Visit {
  route: string;
  url: string;
  title: string;
  overflows: string[];
  typography: string[];
}

// An ordinary space (U+0020, which a line may break at) before high punctuation that ends a
// word, or on the inner side of guillemets. U+00A0 and U+202F are the right ones.
const BREAKING_SPACE = [/ [:;!?](?=\s|$)/g, /« | »/g];

/** The passages of the page's text with a breakable space where French wants a no-break one. */
async function typographyFaults(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    // Every text node of the header, the main content and the footer, hidden ones included
    // (a closed menu or dialog is read later); code and form values are as typed.
    const verbatim = "code, pre, kbd, samp, script, style, textarea, template";
    const parts: string[] = [];
    for (const root of document.querySelectorAll("header, main, footer")) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest(verbatim)) parts.push(node.nodeValue ?? "");
      }
      parts.push("\n");
    }
    return parts.join("");
  });
  // Line breaks and tabs of the source collapse to one ordinary space, as the browser shows them.
  const shown = text.replace(/[ \t\r\n\f]+/g, " ");
  const faults: string[] = [];
  for (const pattern of BREAKING_SPACE) {
    for (const match of shown.matchAll(pattern)) {
      const start = Math.max(0, match.index - 30);
      faults.push(`…${shown.slice(start, match.index + 12).trim()}…`);
    }
  }
  return faults;
}

async function visit(page: Page, route: string, target: Target): Promise<Visit> {
  const url = typeof target === "string" ? target : await target(page);
  const overflows: string[] = [];
  let typography: string[] = [];
  let title = "";
  for (const { name, viewport } of WIDTHS) {
    await page.setViewportSize(viewport);
    await page.goto(url);
    // Next.js streams a dynamic page's metadata: wait for the title before reading it.
    await expect(page).toHaveTitle(/\S/);
    title = await page.title();
    const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
      const root = document.scrollingElement!;
      const width = root.clientWidth;
      // The elements sticking out, to say where to look when the test fails: those no scrolling
      // region clips, and absolutely placed ones (a visually hidden text whose containing block
      // is the page escapes its table's scrolling region).
      const clipped = (element: Element) => {
        for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
          if (getComputedStyle(ancestor).overflowX !== "visible") return true;
        }
        return false;
      };
      const culprits = [...document.body.querySelectorAll<HTMLElement>("*")]
        .filter((element) => element.getBoundingClientRect().right > width + 1)
        .filter((element) => !clipped(element) || getComputedStyle(element).position === "absolute")
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${[...element.classList].slice(0, 4).join(".")}`);
      return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
    });
    if (scrollWidth > clientWidth) overflows.push(`${name} : ${scrollWidth} > ${clientWidth} (${culprits.join(", ")})`);
    if (viewport === WIDTHS[0].viewport) typography = await typographyFaults(page);
  }
  return { route, url: new URL(page.url()).pathname, title, overflows, typography };
}

async function signedIn(browser: Browser, persona: Persona): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (persona !== "visitor") await login(page, IDENTIFIERS[persona], DEMO_PASSWORD);
  return page;
}

test.describe("Issue 16 items 1, 8 and 9: every page reflows at 320 px and at 200 % zoom, has its own title, and French typography", () => {
  test("the list of pages is the app's: every app/**/page.tsx route is visited", () => {
    expect(appRoutes()).toEqual(Object.keys(ROUTES).sort());
  });

  test("no page scrolls sideways, every title is distinct and says the portal, and no text breaks before « : ; ! ? »", async ({ browser }) => {
    test.setTimeout(600_000);
    const visits: Visit[] = [];

    // Records the test depends on: a ticket of the user, an import (preview) of the administrator.
    const user = await signedIn(browser, "user");
    await user.goto("/aide#assistance");
    await user.locator("#assistance").getByLabel("Catégorie", { exact: true }).selectOption({ index: 1 });
    await user.locator("#assistance").getByLabel("Votre message", { exact: true }).fill("Page de test de l'affichage sur téléphone.");
    await user.locator("#assistance").getByRole("button", { name: "Envoyer ma demande" }).click();
    await expect(user.locator("#assistance").getByRole("status").filter({ hasText: /Demande n° A-\d{4}-\d{6} enregistrée/ })).toBeVisible();
    const administrator = await signedIn(browser, "administrator");
    await administrator.goto("/administration/imports");
    const csv = "Civilité;Prénom;Nom;Adresse électronique\r\nMadame;Léa;Affichage;lea.affichage@grand-besancon.example\r\n";
    await administrator.getByLabel("Fichier CSV").setInputFiles({ name: "affichage.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await administrator.getByRole("button", { name: "Analyser le fichier" }).click();
    await expect(administrator.getByRole("heading", { name: /Aperçu de l'import\s:\saffichage\.csv/ })).toBeVisible();

    const pages: Record<Persona, Page> = {
      visitor: await signedIn(browser, "visitor"),
      user,
      administrator,
      operator: await signedIn(browser, "operator"),
    };
    for (const [route, { as, target }] of Object.entries(ROUTES)) {
      visits.push(await visit(pages[as], route, target));
    }
    // The homes of the two consoles' people too.
    visits.push(await visit(pages.administrator, "/accueil (administrateur)", "/accueil"));
    visits.push(await visit(pages.operator, "/accueil (opérateur)", "/accueil"));
    for (const page of Object.values(pages)) await page.context().close();

    const overflowing = visits.filter((entry) => entry.overflows.length).map((entry) => `${entry.route} (${entry.url}) : ${entry.overflows.join(" ; ")}`);
    expect.soft(overflowing, "pages qui défilent horizontalement").toEqual([]);

    const badTypography = visits.filter((entry) => entry.typography.length).map((entry) => `${entry.route} (${entry.url}) : ${entry.typography.join(" | ")}`);
    expect.soft(badTypography, "espaces sécables devant « : ; ! ? » ou à l'intérieur des guillemets").toEqual([]);

    const badTitles = visits.filter((entry) => !TITLE.test(entry.title)).map((entry) => `${entry.route} : « ${entry.title} »`);
    expect.soft(badTitles, "titres sans « – Portail e-services »").toEqual([]);
    // One title per page reached (a page that redirected to another one is that page).
    const titleOf = new Map<string, string>();
    for (const entry of visits) titleOf.set(entry.url, entry.title);
    const byTitle = new Map<string, string[]>();
    for (const [url, title] of titleOf) byTitle.set(title, [...(byTitle.get(title) ?? []), url]);
    const shared = [...byTitle].filter(([, urls]) => urls.length > 1).map(([title, urls]) => `« ${title} » : ${urls.join(", ")}`);
    expect(shared, "titres partagés par plusieurs pages").toEqual([]);
  });
});

test.describe("Issue 16 items 5, 8 and 10: the home and Mon espace with axe, on a phone, and with the keyboard", () => {
  test("the new pages pass axe, at 1280 px and at 320 px with the menu open", async ({ browser }) => {
    test.setTimeout(300_000);
    for (const persona of ["user", "administrator", "operator"] as const) {
      const page = await signedIn(browser, persona);
      const paths = persona === "user" ? ["/accueil", "/espace", "/espace/profil", "/espace/adresse", "/espace/mot-de-passe", "/espace/securite", "/espace/donnees", "/espace/comptes"] : ["/accueil"];
      for (const pathname of paths) {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(pathname);
        await expectNoAxeViolations(page);
        await page.setViewportSize({ width: 320, height: 640 });
        const menu = page.getByRole("banner").getByRole("button", { name: "Menu" });
        await menu.click();
        await expect(menu).toHaveAttribute("aria-expanded", "true");
        await expectNoAxeViolations(page);
      }
      await page.context().close();
    }
  });

  test("keyboard only: the menu button opens and closes the menu, then Tab reaches the tasks", async ({ browser }) => {
    const page = await signedIn(browser, "administrator");
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto("/accueil");
    const banner = page.getByRole("banner");
    const menu = banner.getByRole("button", { name: "Menu" });
    const panel = page.locator("#menu-principal");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toHaveAttribute("aria-controls", "menu-principal");
    await expect(panel).toBeHidden();

    // Skip link, logo, then the menu button.
    for (let presses = 0; presses < 5 && !(await menu.evaluate((element) => element === document.activeElement)); presses++) {
      await page.keyboard.press("Tab");
    }
    await expect(menu).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(panel).toBeVisible();
    await page.keyboard.press("Tab");
    const home = panel.getByRole("link", { name: "Accueil" });
    await expect(home).toBeFocused();
    await expect(home).toHaveAttribute("aria-current", "page");
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(panel).toBeHidden();
    await expect(menu).toBeFocused();
    await page.keyboard.press("Space");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Space");
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    // The menu closed, the next stops are the tasks.
    const tasks = page.getByRole("region", { name: "À faire" });
    let reached = false;
    for (let presses = 0; presses < 6 && !reached; presses++) {
      await page.keyboard.press("Tab");
      reached = await tasks.evaluate((region) => region.contains(document.activeElement));
    }
    expect(reached, "la touche Tab atteint les tâches juste après le menu").toBe(true);
    await expect(page.locator(":focus")).toHaveText("Valider les comptes");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/administration\/comptes\?statut=PENDING_VALIDATION$/);
    await page.context().close();
  });
});
