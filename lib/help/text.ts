// Reading the help content's light markup: "[label](/path)" links inside a paragraph.
// Pure: used by the page, the search and the PDF guide alike.

export type InlinePart = { text: string } | { text: string; href: string };

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInline(source: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let last = 0;
  for (const match of source.matchAll(LINK)) {
    if (match.index > last) parts.push({ text: source.slice(last, match.index) });
    parts.push({ text: match[1], href: match[2] });
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push({ text: source.slice(last) });
  return parts;
}

/** The paragraph as read, links reduced to their label. */
export function plainText(source: string): string {
  return source.replace(LINK, "$1");
}
