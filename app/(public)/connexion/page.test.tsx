import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { describe, expect, it, vi } from "vitest";

// Signed in: the login page sends the person on to callbackUrl at once.
vi.mock("@/lib/auth/viewer", () => ({ currentViewer: async () => ({ accountId: "0190f3a4-0000-7000-8000-000000000000" }) }));
// The form (a client component) is not what this test is about, and pulls in Auth.js.
vi.mock("@/components/accounts/login-form", () => ({ LoginForm: () => null }));
const { default: LoginPage } = await import("./page");

async function locationFor(callbackUrl: string): Promise<string> {
  try {
    await LoginPage({ searchParams: Promise.resolve({ callbackUrl }) });
  } catch (error) {
    if (isRedirectError(error)) return getURLFromRedirectError(error);
    throw error;
  }
  throw new Error("the signed-in login page did not redirect");
}

describe("SEC-9 the login page redirects a signed-in person only within the portal", () => {
  // The values the probe sent, as Next.js hands them over once the query string is decoded.
  it.each(["/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\\evil.example", "//evil.example", "https://evil.example/", "/espace\u0000", "/\u00e9/evil"])(
    "callbackUrl %j: a Location header the server can send and the browser keeps on the portal",
    async (callbackUrl) => {
      const location = await locationFor(callbackUrl);
      // Node refuses control and non-Latin-1 characters in headers: that was the 500.
      expect(() => new Headers({ Location: location })).not.toThrow();
      expect(location).toMatch(/^\/[\x21-\x7e]*$/);
      expect(new URL(location, "http://127.0.0.1:3000/connexion").origin).toBe("http://127.0.0.1:3000");
    },
  );

  it("keeps a same-origin target, non-ASCII included", async () => {
    expect(await locationFor("/tableaux-de-bord?periode=30j")).toBe("/tableaux-de-bord?periode=30j");
    expect(await locationFor("/espace/é")).toBe("/espace/%C3%A9");
  });
});
