// The provider's issuer, APP_URL + "/oidc" (SPEC "UI contract"). Its own module: the logout
// tokens need it in processes that never load oidc-provider (the Next bundle, the worker).
export const OIDC_PATH = "/oidc";

export function issuerFor(appUrl: string): string {
  return new URL(OIDC_PATH, appUrl).toString().replace(/\/$/, "");
}

export function portalIssuer(): string {
  return issuerFor(process.env.APP_URL || "http://127.0.0.1:3000");
}
