// What the assistance form starts with (HELP-2, DASH-5): the signed-in person's e-mail and
// organisation, the category and dashboard context of the link that led to the page. Query
// strings are untrusted: bad values are ignored, never echoed.
import "server-only";
import type { Viewer } from "../auth/viewer";
import type { Db } from "../db";
import { categoryFromSlug } from "./categories";
import { dashboardContextLine, resolveDashboardContext } from "./tickets";

type Params = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export async function assistanceDefaults(db: Db, viewer: Viewer | null, params: Params) {
  let category = categoryFromSlug(single(params.categorie));
  const context = await resolveDashboardContext(db, { tableau: single(params.tableau), periode: single(params.periode) });
  if (context && !category) category = "DASHBOARDS";
  return {
    category,
    contactEmail: viewer?.email ?? "",
    organisation: viewer?.organisationId && viewer.organisationName ? { id: viewer.organisationId, label: viewer.organisationName } : null,
    dashboard:
      context && category === "DASHBOARDS"
        ? { tableau: context.dashboard, periode: context.period, line: dashboardContextLine(context)! }
        : null,
  };
}
