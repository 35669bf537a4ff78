import { z } from "zod";
import { frenchIssueMessage } from "@/lib/form-fields";
import { isAllowedText } from "@/lib/security/input-text";
import { searchDirectory } from "@/lib/organisations/queries";
import { SEARCH_MAX_LENGTH } from "@/lib/organisations/search-organisations";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  q: z
    .string()
    // SEC-9: NUL would fail the query; the other refused characters match no name.
    .refine((value) => isAllowedText(value), "La recherche contient des caractères non autorisés.")
    .pipe(z.string().trim().min(1, "Saisissez au moins un caractère.").max(SEARCH_MAX_LENGTH, "Recherche trop longue.")),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** The directory search behind the organisation combobox (ORG-2). Public: it lists only the open directory. */
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = querySchema.safeParse(params, { error: frenchIssueMessage });
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues[0]?.message ?? "Requête invalide." }, { status: 400 });
  }
  const results = await searchDirectory(parsed.data.q, parsed.data.limit);
  return Response.json({ results }, { headers: { "Cache-Control": "no-store" } });
}
