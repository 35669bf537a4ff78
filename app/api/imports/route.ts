import { handleImportUpload } from "@/lib/imports/upload-route";

export const dynamic = "force-dynamic";

/** An import's CSV file, sent as the request body, for its preview (BULK-1); see lib/imports/upload-route.ts. */
export function POST(request: Request) {
  return handleImportUpload(request);
}
