// HELP-3: the practical guide PDF, built once per content version and kept in the database
// (`generated_documents`), shared by every instance and surviving restarts. Its two React-PDF
// passes take seconds; before, each process rebuilt it every day.
//
// Decisions:
// - The version is a SHA-256 of everything the PDF is made from: the help content, the
//   template's version, the support contacts and the portal's address. Same inputs, same
//   stored bytes; any change, a new version built on the next request.
// - GUIDE_TEMPLATE_VERSION stands for the layout code (guide-document.tsx, render-guide.ts),
//   which cannot be hashed from a bundle: bump it when the layout changes.
// - The edition date printed on the cover is the day the version was built, not the day it is
//   downloaded: the document is the same for everyone until its content changes.
// - Two instances asking at once may both build; the first stored wins and both serve it.
//   Older versions of the guide are removed when a new one is stored.
import { formatDate } from "../calendar";
import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";
import type { Client } from "../operation";
import { HELP_THEMES, type HelpTheme } from "./content";
import { renderGuidePdf } from "./render-guide";

export const GUIDE_TEMPLATE_VERSION = 1;
const KIND = "practical-guide";

export interface GuideInputs {
  baseUrl: string;
  support: { email: string; phone: string; hours: string };
  themes?: HelpTheme[];
}

export function guideVersion({ baseUrl, support, themes = HELP_THEMES }: GuideInputs): string {
  return createHash("sha256").update(JSON.stringify({ template: GUIDE_TEMPLATE_VERSION, baseUrl, support, themes })).digest("hex");
}


// The last version this process served: most requests need no database read at all.
let memo: { version: string; pdf: Buffer } | null = null;

/** The guide's PDF for these inputs: the stored one, or built and stored now. */
export async function practicalGuidePdf(inputs: GuideInputs, client: Client = db, now: Date = new Date()): Promise<{ pdf: Buffer; version: string; built: boolean }> {
  const version = guideVersion(inputs);
  if (memo?.version === version) return { ...memo, built: false };
  const stored = await client.generatedDocument.findUnique({ where: { kind_version: { kind: KIND, version } }, select: { content: true } });
  if (stored) {
    memo = { version, pdf: Buffer.from(stored.content) };
    return { ...memo, built: false };
  }
  const { pdf } = await renderGuidePdf({ editionDate: formatDate(now), baseUrl: inputs.baseUrl, support: inputs.support, themes: inputs.themes });
  await client.generatedDocument.createMany({ data: [{ kind: KIND, version, content: new Uint8Array(pdf), createdAt: now }], skipDuplicates: true });
  await client.generatedDocument.deleteMany({ where: { kind: KIND, version: { not: version } } });
  // Whoever stored first, everyone serves the same bytes.
  const kept = await client.generatedDocument.findUniqueOrThrow({ where: { kind_version: { kind: KIND, version } }, select: { content: true } });
  memo = { version, pdf: Buffer.from(kept.content) };
  return { ...memo, built: true };
}

/** Tests: forget what this process served, as a restarted process would. */
export function forgetServedGuide(): void {
  memo = null;
}
