// Turns a message (template + data) into what the outbox stores and the provider sends:
// subject, HTML, plain text, and the links it contains (for the dev mailbox, MAIL-2).
import { render, toPlainText } from "@react-email/components";
import { createElement } from "react";
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
  const html = await render(element);
  const text = toPlainText(html, {
    selectors: [
      // html-to-text shouts headings in capitals by default; keep them as written.
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
    ],
  })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { subject: definition.subject(message.data), html, text, links: extractLinks(html) };
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
