import { describe, expect, it } from "vitest";
import { MAX_RETURN_PATH_LENGTH, safeReturnPath } from "./safe-redirect";

// vitest.config.ts sets APP_URL=http://127.0.0.1:3000.
const FALLBACK = "/accueil";

/** What a browser makes of a relative Location header: where does it actually go? */
function browserTarget(location: string): URL {
  return new URL(location, "http://127.0.0.1:3000/connexion");
}

describe("SEC-9 redirect targets are same-origin only", () => {
  it.each([
    ["tab inside the slashes", "/\t/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with a path", "//evil.example/espace"],
    ["backslash", "/\\evil.example"],
    ["backslash twice", "\\\\evil.example"],
    ["slash then backslash then slash", "/\\/evil.example"],
    ["encoded slashes, not decoded twice", "%2F%2Fevil.example"],
    ["absolute URL of another site", "https://evil.example/espace"],
    ["absolute URL with the portal as user name", "http://127.0.0.1:3000@evil.example/"],
    ["credentials in a same-origin URL", "http://user:pass@127.0.0.1:3000/espace"],
    ["javascript: scheme", "javascript:alert(1)"],
    ["data: scheme", "data:text/html,<script>alert(1)</script>"],
    ["line feed", "/\n/evil.example"],
    ["carriage return", "/espace\r\nSet-Cookie: x=1"],
    ["NUL", "/espace\u0000"],
    ["DEL", "/\u007f/evil.example"],
    ["C1 control", "/espace\u0085"],
    ["dot segment collapsing to //", "/.//evil.example"],
    ["dot-dot segment collapsing to //", "/a/..//evil.example"],
    ["bare host name", "evil.example"],
    ["relative path without slash", "espace"],
    ["leading space", " //evil.example"],
    ["another port", "http://127.0.0.1:4000/espace"],
    ["another scheme", "https://127.0.0.1:3000/espace"],
    ["very long", `/espace?${"a".repeat(MAX_RETURN_PATH_LENGTH)}`],
    ["empty", ""],
  ])("refuses %s", (_label, target) => {
    expect(safeReturnPath(target)).toBe(FALLBACK);
  });

  it.each([
    ["a plain path", "/espace", "/espace"],
    ["a path with query and fragment", "/tableaux-de-bord?periode=30j#portail", "/tableaux-de-bord?periode=30j#portail"],
    ["an absolute URL of the portal, made relative", "http://127.0.0.1:3000/administration?page=2", "/administration?page=2"],
    ["a non-ASCII path, percent-encoded for the Location header", "/espace/é", "/espace/%C3%A9"],
    ["a non-ASCII query", "/aide?q=étiquette", "/aide?q=%C3%A9tiquette"],
    ["spaces, encoded", "/aide?q=mot de passe", "/aide?q=mot%20de%20passe"],
    ["dot segments inside the portal", "/a/../espace", "/espace"],
  ])("keeps %s", (_label, target, expected) => {
    expect(safeReturnPath(target)).toBe(expected);
  });

  it("uses the caller's fallback, and never returns a value a browser would send off-site or a header could not carry", () => {
    expect(safeReturnPath(null, "/")).toBe("/");
    expect(safeReturnPath(undefined, "/operateur")).toBe("/operateur");
    const hostile = ["/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/ /evil.example", "/%09/evil.example", "/espace/é", "/\u2028/evil.example"];
    for (const target of hostile) {
      const result = safeReturnPath(target);
      expect(browserTarget(result).origin).toBe("http://127.0.0.1:3000");
      // Only visible ASCII: valid in an HTTP header, unchanged by browsers' URL clean-up.
      expect(result).toMatch(/^\/[\x21-\x7e]*$/);
    }
  });
});
