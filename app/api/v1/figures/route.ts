import { handleFiguresPost } from "@/lib/dashboards/figures-route";

export const dynamic = "force-dynamic";

/** E-services push one organisation's figures for one day (DASH-1); see the README. */
export function POST(request: Request) {
  return handleFiguresPost(request);
}
