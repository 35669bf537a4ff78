// Bulk rendering (MAIL-1, BULK-3): React Email renders 10 to 40 messages a second, too slow
// for 50,000 import welcomes. A template is rendered once with a marker in place of each
// per-person value, then filled per person with plain string replacement: the value
// HTML-escaped exactly as React escapes text and attributes in the HTML, raw in the subject,
// the plain text and the links. The preview line's padding, which depends on the preview's
// length, is recomputed. `prepareBulkTemplate` checks its output against a full render of
// the first person and returns null when they differ (a template the markers cannot follow),
// so callers fall back to rendering each message.
import { randomBytes } from "node:crypto";
import { extractLinks, renderEmail, type RenderedEmail, type RenderOptions } from "./render";
import type { TemplateDataMap, TemplateName } from "./templates";

const PREVIEW_MAX_LENGTH = 150;
const PREVIEW_PADDING = "\xA0\u200C\u200B\u200D\u200E\u200F\uFEFF";
const PREVIEW = /(<div style="display:none;overflow:hidden;line-height:1px;opacity:0;max-height:0;max-width:0" data-skip-in-text="true">)([\s\S]*?)(?:<div>(?:\xA0\u200C\u200B\u200D\u200E\u200F\uFEFF)+<\/div>)?<\/div>/;

/** React's escaping of text and attribute values (react-dom/server). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[char] ?? char);
}

function unescapeHtml(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#x27);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'" })[name] ?? "");
}

type StringKeys<Data> = { [K in keyof Data]: Data[K] extends string ? K : never }[keyof Data];

/** A template rendered once; `fill` gives one person's message from that person's values. */
export interface BulkTemplate<Values> {
  fill(values: Values): RenderedEmail;
}

export async function prepareBulkTemplate<K extends TemplateName, V extends StringKeys<TemplateDataMap[K]>>(
  template: K,
  fixed: Omit<TemplateDataMap[K], V>,
  variables: readonly V[],
  sample: Pick<TemplateDataMap[K], V>,
  options: RenderOptions = {},
): Promise<BulkTemplate<Pick<TemplateDataMap[K], V>> | null> {
  // Letters and digits only: nothing React, html-to-text or a URL would escape or split.
  const nonce = randomBytes(6).toString("hex");
  const markers = variables.map((name, index) => ({ name, marker: `zzph${nonce}n${index}zz` }));
  const markerData = Object.fromEntries(markers.map(({ name, marker }) => [name, marker]));
  const skeleton = await renderEmail({ template, data: { ...fixed, ...markerData } } as never, options);
  const pattern = new RegExp(markers.map(({ marker }) => marker).join("|"), "g");
  const previewMatch = PREVIEW.exec(skeleton.html);

  function fill(values: Pick<TemplateDataMap[K], V>): RenderedEmail {
    const byMarker = new Map(markers.map(({ name, marker }) => [marker, String(values[name])]));
    const raw = (text: string) => text.replace(pattern, (marker) => byMarker.get(marker) ?? marker);
    const html = (text: string) => text.replace(pattern, (marker) => escapeHtml(byMarker.get(marker) ?? marker));
    let filledHtml: string;
    if (previewMatch) {
      const preview = raw(unescapeHtml(previewMatch[2])).substring(0, PREVIEW_MAX_LENGTH);
      const padding = preview.length < PREVIEW_MAX_LENGTH ? `<div>${PREVIEW_PADDING.repeat(PREVIEW_MAX_LENGTH - preview.length)}</div>` : "";
      const before = skeleton.html.slice(0, previewMatch.index);
      const after = skeleton.html.slice(previewMatch.index + previewMatch[0].length);
      filledHtml = `${html(before)}${previewMatch[1]}${escapeHtml(preview)}${padding}</div>${html(after)}`;
    } else {
      filledHtml = html(skeleton.html);
    }
    // The links are read again from the filled HTML: a marker alone is not an http(s) link.
    return { subject: raw(skeleton.subject), html: filledHtml, text: raw(skeleton.text), links: extractLinks(filledHtml) };
  }

  const expected = await renderEmail({ template, data: { ...fixed, ...sample } } as never, options);
  const actual = fill(sample);
  const same =
    actual.subject === expected.subject &&
    actual.html === expected.html &&
    actual.text === expected.text &&
    JSON.stringify(actual.links) === JSON.stringify(expected.links);
  return same ? { fill } : null;
}
