import { describe, expect, it } from "vitest";
import { authenticationOf, MFA_ACR, PASSWORD_ACR } from "./account";

describe("SSO-4 MFA-6 acr and amr say how the person signed in to the portal", () => {
  it("a password alone", () => {
    expect(authenticationOf(["pwd"])).toEqual({ acr: PASSWORD_ACR, amr: ["pwd"] });
    expect(authenticationOf([])).toEqual({ acr: PASSWORD_ACR, amr: ["pwd"] });
  });
  it("a password and a second factor (code or passkey)", () => {
    expect(authenticationOf(["pwd", "otp"])).toEqual({ acr: MFA_ACR, amr: ["pwd", "otp"] });
    expect(authenticationOf(["pwd", "hwk"])).toEqual({ acr: MFA_ACR, amr: ["pwd", "hwk"] });
  });
});
