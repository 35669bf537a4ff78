// The data of an import's page, for both consoles: the scope has been checked by the page.
import "server-only";
import { notFound } from "next/navigation";
import type { ImportRowOutcome } from "@/lib/generated/prisma/enums";
import type { ImportScope } from "@/lib/imports/access";
import { importWithRows } from "@/lib/imports/queries";
import type { DetailProps } from "./import-detail";

const OUTCOMES = ["CREATED", "UPDATED", "UNCHANGED", "REFUSED"] as const;
const FLASHES = ["confirme", "abandonne", "repris"];

export async function loadImportDetail(
  scope: ImportScope,
  importId: string,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<DetailProps> {
  if (!/^[0-9a-f-]{36}$/i.test(importId)) notFound();
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const requested = first(searchParams.resultat);
  const outcome = OUTCOMES.find((value) => value === requested) as ImportRowOutcome | undefined;
  const page = Math.min(Math.max(1, Number.parseInt(first(searchParams.page) ?? "1", 10) || 1), 10_000);
  const found = await importWithRows(scope, importId, { outcome, page });
  if (!found) notFound();
  const { detail, rows, total, pages } = found;
  return {
    basePath: scope.basePath,
    organisationId: scope.viewer.role === "OPERATOR" ? scope.organisationId : undefined,
    organisationName: scope.organisationName,
    detail,
    rows,
    page,
    pages,
    total,
    outcome,
    flash: FLASHES.find((key) => first(searchParams[key]) === "1"),
  };
}
