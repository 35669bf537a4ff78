import { describe, expect, it } from "vitest";
import { DEFAULT_BODY_LIMIT, IMPORT_UPLOAD_BODY_LIMIT, maxRequestBytes } from "./request-body-limit";

describe("SEC-1 request bodies are limited before they are read", () => {
  it("allows the CSV upload's size only on the two import pages", () => {
    expect(maxRequestBytes("/administration/imports")).toBe(IMPORT_UPLOAD_BODY_LIMIT);
    expect(maxRequestBytes("/operateur/organisations/0190f0c2-0000-7000-8000-000000000000/imports")).toBe(IMPORT_UPLOAD_BODY_LIMIT);
    for (const path of ["/connexion", "/aide", "/administration/imports/abc", "/administration", "/operateur/organisations/x/imports/y", "/api/v1/figures"]) {
      expect(maxRequestBytes(path)).toBe(DEFAULT_BODY_LIMIT);
    }
  });
});
