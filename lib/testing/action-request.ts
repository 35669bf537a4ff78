// Integration tests call server actions as a given person, from a given address, outside any
// Next request. Run before every integration file (vitest.config.ts setupFiles), this replaces
// the one module the action pipeline asks about its request (lib/actions/request.ts) and the
// Next runtime calls that mean nothing outside a request. Tests choose the person and the
// address through `session` (lib/testing/actions.ts).
import { vi } from "vitest";
import type { Viewer } from "../auth/viewer";

export interface TestRequest {
  viewer: Viewer | null;
  /** A fixed address, or one drawn per request (to stay clear of per-address limits). */
  ip: string | (() => string);
}

const holder = globalThis as unknown as { portailTestRequest: TestRequest };
// A new file starts signed out, from the documentation range.
holder.portailTestRequest = { viewer: null, ip: "192.0.2.1" };

vi.mock("../actions/request", () => ({
  currentRequest: async () => {
    const { viewer, ip } = (globalThis as unknown as { portailTestRequest: TestRequest }).portailTestRequest;
    return { viewer, context: { ipAddress: typeof ip === "function" ? ip() : ip, userAgent: "vitest", now: new Date() } };
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  // The page the action sends the person to, readable in the test (and Next's own digest).
  redirect: (url: string) => {
    throw Object.assign(new Error(`NEXT_REDIRECT ${url}`), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
}));
// As in next.config.mjs (experimental.authInterrupts): forbidden() throws Next's 403 signal.
vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "1");
