// Fonts of the PDF letters (LR-2). React-PDF's built-in Helvetica is a WinAnsi (Windows-1252)
// font and is not embedded: "ł", "Ő", "ș"… come out garbled. The DejaVu TTF files of the
// `dejavu-fonts-ttf` package cover every Latin script (and more) and are embedded, subset,
// in each PDF. React-PDF reads TTF/WOFF, not WOFF2.
//
// The font files are found at run time, not bundled:
// - `@react-pdf/renderer` is external to the Next.js server bundle, but this module is not.
//   A `createRequire(import.meta.url)` written in the source would be analysed by the bundler,
//   which would then try to turn a dynamic `require.resolve("dejavu-fonts-ttf/ttf/…")` into a
//   context module of .ttf files (a build error, or a module id instead of a path). Reaching
//   `node:module` through `process.getBuiltinModule` keeps the resolution out of its sight.
// - Each candidate path is checked on disk; the last resort is `<cwd>/node_modules/…`, which is
//   where the package lives when the app is started from the project directory.
import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

export const PDF_FONT_FAMILY = "DejaVu Sans";
export const PDF_MONO_FONT_FAMILY = "DejaVu Sans Mono";

const FONT_PACKAGE = "dejavu-fonts-ttf";

const FONT_FILES = {
  sans: "DejaVuSans.ttf",
  sansBold: "DejaVuSans-Bold.ttf",
  mono: "DejaVuSansMono.ttf",
  monoBold: "DejaVuSansMono-Bold.ttf",
} as const;

type FontFile = (typeof FONT_FILES)[keyof typeof FONT_FILES];

function resolverBases(): string[] {
  const bases: string[] = [];
  // Under Vitest/tsx this is the source file; in a bundle it may be a chunk or something that
  // is not a file URL at all, in which case createRequire throws and the next base is tried.
  if (typeof import.meta.url === "string") bases.push(import.meta.url);
  bases.push(path.join(process.cwd(), "package.json"));
  return bases;
}

/** Absolute path of one of the package's TTF files; throws with every place looked at. */
export function resolveFontFile(file: FontFile): string {
  const specifier = [FONT_PACKAGE, "ttf", file].join("/");
  const tried: string[] = [];
  const moduleApi = process.getBuiltinModule?.("node:module");
  if (moduleApi) {
    for (const base of resolverBases()) {
      try {
        const resolved: unknown = moduleApi.createRequire(base).resolve(specifier);
        if (typeof resolved === "string" && path.isAbsolute(resolved) && existsSync(resolved)) return resolved;
        tried.push(String(resolved));
      } catch {
        tried.push(`${specifier} from ${base}`);
      }
    }
  }
  const fallback = path.join(process.cwd(), "node_modules", FONT_PACKAGE, "ttf", file);
  if (existsSync(fallback)) return fallback;
  tried.push(fallback);
  throw new Error(`Police PDF introuvable (${file}) : paquet ${FONT_PACKAGE} absent ? Essayé : ${tried.join(", ")}`);
}

let registered = false;

/**
 * Registers the DejaVu families with React-PDF, once per process (React-PDF's font store is
 * global). Safe to call before every render.
 */
export function registerPdfFonts(): void {
  // The flag is per copy of this module, and the server bundles one copy per route: React-PDF's
  // store (one per process) says whether another copy has registered the families already, so
  // that the fonts loaded at start-up are the ones every route renders with.
  if (registered || Font.getRegisteredFontFamilies().includes(PDF_FONT_FAMILY)) {
    registered = true;
    return;
  }
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: resolveFontFile(FONT_FILES.sans), fontWeight: "normal" },
      { src: resolveFontFile(FONT_FILES.sansBold), fontWeight: "bold" },
    ],
  });
  Font.register({
    family: PDF_MONO_FONT_FAMILY,
    fonts: [
      { src: resolveFontFile(FONT_FILES.mono), fontWeight: "normal" },
      { src: resolveFontFile(FONT_FILES.monoBold), fontWeight: "bold" },
    ],
  });
  // No hyphenation: React-PDF's default (English patterns) would cut French words, names,
  // codes and addresses in the wrong places; a word that does not fit goes to the next line.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

/**
 * DASH-4 (SPEC: a dashboard export under 1 s, the first one after start-up included): run at
 * server start-up (instrumentation.ts). Registers the fonts, reads and parses the four TTF
 * files, and renders a small page with both families, both weights and a vector drawing, so
 * that React-PDF's layout engine, text shaping and PDF writer are loaded and compiled before
 * the first person asks for a PDF rather than during their request.
 */
export async function preparePdfRendering(): Promise<void> {
  registerPdfFonts();
  const { createElement: h } = await import("react");
  const { Document, Font: Fonts, Page, Path, Svg, Text, renderToBuffer } = await import("@react-pdf/renderer");
  await Promise.all(
    [PDF_FONT_FAMILY, PDF_MONO_FONT_FAMILY].flatMap((fontFamily) =>
      (["normal", "bold"] as const).map((fontWeight) => Fonts.load({ fontFamily, fontWeight: fontWeight === "bold" ? 700 : 400 })),
    ),
  );
  await renderToBuffer(
    h(
      Document,
      null,
      h(
        Page,
        { size: "A4", style: { fontFamily: PDF_FONT_FAMILY, padding: 40 } },
        h(Text, null, "Préparation des PDF : é ł ő ș"),
        h(Text, { style: { fontWeight: "bold" } }, "Tableaux de bord 1 234,5"),
        h(Text, { style: { fontFamily: PDF_MONO_FONT_FAMILY } }, "ABCD-EFGH"),
        h(Text, { style: { fontFamily: PDF_MONO_FONT_FAMILY, fontWeight: "bold" } }, "0123456789"),
        h(Svg, { width: 100, height: 40 }, h(Path, { d: "M0 40 L50 10 L100 25", stroke: "#1e3a8a", strokeWidth: 2, fill: "none" })),
      ),
    ),
  );
}
