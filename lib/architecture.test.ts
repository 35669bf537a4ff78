// Issue 12 item 3 and 4, kept by a test rather than by convention: dependencies point one
// way (ARCHITECTURE "Layout"). Pages, layouts, route handlers and components never import
// the database: they call `lib/<capability>/queries.ts` with the scope the session proved
// (Viewer/Actor, AdministratorActor, OperatorActor), so that no page can hand a query an
// organisation of its choosing. And nothing the app runs in `lib/` imports from `scripts/`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const TEST = /\.test\.(ts|tsx)$/;

function sourceFiles(directory: string): string[] {
  return readdirSync(path.join(root, directory), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).includes("node_modules"));
}

const withoutExtension = (target: string) => target.replace(SOURCE, "");

/**
 * Every module `text` (the source of `file`) imports, re-exports or loads dynamically, as a
 * path from the project's root without extension ("lib/db"); packages keep their name.
 */
function importsIn(text: string, file: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName }) => {
    if (fileName.startsWith("@/")) return withoutExtension(path.normalize(fileName.slice(2)));
    if (fileName.startsWith(".")) return withoutExtension(path.relative(root, path.resolve(root, path.dirname(file), fileName)));
    return fileName;
  });
}

const importsOf = (file: string) => importsIn(readFileSync(path.join(root, file), "utf8"), file);
const DB = path.join("lib", "db");

describe("Issue 12 layering: pages and components reach the database only through scoped queries", () => {
  it("no page, layout, route handler or component imports lib/db", () => {
    const files = [...sourceFiles("app"), ...sourceFiles("components")].filter((file) => !TEST.test(file));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => importsOf(file).filter((target) => target === DB).map(() => file));
    expect(offenders).toEqual([]);
  });

  it("nothing under lib/ imports from scripts/ (tests and their set-up in lib/testing excepted)", () => {
    const files = sourceFiles("lib").filter((file) => !TEST.test(file) && !file.startsWith(path.join("lib", "testing") + path.sep) && !file.startsWith(path.join("lib", "generated") + path.sep));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => importsOf(file).filter((target) => target === "scripts" || target.startsWith("scripts" + path.sep)).map((target) => `${file} → ${target}`));
    expect(offenders).toEqual([]);
  });

  it("the checks see imports written with the alias, relative paths, re-exports and dynamic imports", () => {
    // Guards the scanner itself: a rule whose check matches nothing would pass forever.
    expect(importsIn('import { db } from "@/lib/db";', path.join("app", "page.tsx"))).toEqual([DB]);
    expect(importsIn('import { db } from "../../lib/db";', path.join("app", "operateur", "page.tsx"))).toEqual([DB]);
    expect(importsIn('export { db } from "../lib/db.ts";', path.join("components", "x.ts"))).toEqual([DB]);
    expect(importsIn('const { db } = await import("@/lib/db");', path.join("app", "page.tsx"))).toEqual([DB]);
    expect(importsIn('import { x } from "../scripts/client-address.mjs";', path.join("lib", "request-context.ts"))).toEqual([path.join("scripts", "client-address")]);
  });
});
