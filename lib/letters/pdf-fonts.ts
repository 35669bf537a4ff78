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
  if (registered) return;
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
