// Turns a message (template + data) into what the outbox stores and the provider sends:
// subject, HTML, plain text, and the links it contains (for the dev mailbox, MAIL-2).
import { render, toPlainText } from "@react-email/components";
import { createElement } from "react";
import { typeset } from "../french/typography";
import { supportContacts, type SupportContacts } from "../support-contacts";
import { TEMPLATES, type EmailMessage, type TemplateDefinition, type TemplateName, type TemplateDataMap } from "./templates";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** Every absolute http(s) link of the message, in order of appearance, without duplicates. */
  links: string[];
}

export interface RenderOptions {
  /** Assistance contacts for the footer; the configured ones (HELP-5) by default. */
  support?: SupportContacts;
}

export async function renderEmail(message: EmailMessage, options: RenderOptions = {}): Promise<RenderedEmail> {
  // TypeScript cannot follow the link between `template` and `data` through the lookup.
  const definition = TEMPLATES[message.template] as unknown as TemplateDefinition<TemplateDataMap[TemplateName]>;
  const element = createElement(definition.component, { ...message.data, support: options.support ?? supportContacts() });
  const html = typesetHtml(await render(element));
  const text = toPlainText(html, {
    selectors: [
      // html-to-text shouts headings in capitals by default; keep them as written.
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
    ],
  })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { subject: typeset(definition.subject(message.data)), html, text, links: extractLinks(html) };
}

// Text between tags, skipping style sheets, scripts and comments (Outlook's conditional ones).
const HTML_PARTS = /(<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|<!--[\s\S]*?-->|<[^>]*>)|([^<]+)/gi;

/** French typography (lib/french/typography.ts) on the text of an HTML document, never inside tags. */
export function typesetHtml(html: string): string {
  return html.replace(HTML_PARTS, (part, markup: string | undefined) => (markup ? part : typesetText(part)));
}

// Entities ("&quot;", "&#x27;") stand aside as private-use characters while the rules run, so
// that their ";" is never taken for punctuation.
function typesetText(text: string): string {
  const entities: string[] = [];
  const shielded = text.replace(/&[#a-z0-9]+;/gi, (entity) => String.fromCharCode(0xe000 + entities.push(entity) - 1));
  return typeset(shielded).replace(/[\ue000-\uf8ff]/g, (character) => entities[character.charCodeAt(0) - 0xe000] ?? character);
}

const HREF = /\shref="([^"]*)"/gi;

/** The absolute http(s) addresses of the href attributes, in order, each once. */
export function extractLinks(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(HREF)) {
    const href = decodeAttribute(match[1]).trim();
    if (/^https?:\/\//i.test(href) && !links.includes(href)) links.push(href);
  }
  return links;
}

function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|quot|apos|lt|gt);/gi, (entity, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" }[lower] ?? entity;
  });
}
