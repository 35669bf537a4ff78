// The zod schema of an e-service's OpenID Connect registration (SSO-2), shared by the
// operator's form, its action, the service and the command line.
import { z } from "zod";
import { isAllowedUrl } from "../catalogue/schemas";

export const OIDC_CLIENT_FIELD_LABELS = {
  authMethod: "Authentification de l'e-service",
  redirectUris: "Adresses de retour (redirect_uri)",
  postLogoutRedirectUris: "Adresses après déconnexion (post_logout_redirect_uri)",
  backchannelLogoutUri: "Adresse de déconnexion back-channel",
  initiateLoginUri: "Adresse de connexion de l'e-service (initiate_login_uri)",
  jwksUri: "Adresse des clés publiques de l'e-service (jwks_uri)",
} as const;

const URL_MESSAGE = "Indiquez une adresse complète en https (http seulement pour 127.0.0.1 ou localhost), sans fragment (#).";

function acceptableUri(raw: string): boolean {
  return isAllowedUrl(raw) && !raw.includes("#") && raw.length <= 500;
}

const uri = z.string().trim().refine(acceptableUri, URL_MESSAGE);
const optionalUri = z
  .string()
  .trim()
  .transform((value) => value || null)
  .refine((value) => value === null || acceptableUri(value), URL_MESSAGE)
  .nullable()
  .optional()
  .transform((value) => value ?? null);

/** One address a line in the form; an array from the command line. */
const uriList = (min: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : value.split(/\r?\n/))
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(uri).min(min, "Indiquez au moins une adresse de retour.").max(10, "10 adresses au plus."));

export const oidcClientSchema = z
  .object({
    authMethod: z.enum(["CLIENT_SECRET_BASIC", "PRIVATE_KEY_JWT"], { error: "Choisissez comment l'e-service s'authentifie." }),
    redirectUris: uriList(1),
    postLogoutRedirectUris: uriList(0).optional().transform((value) => value ?? []),
    backchannelLogoutUri: optionalUri,
    initiateLoginUri: optionalUri,
    jwksUri: optionalUri,
  })
  .superRefine((value, ctx) => {
    if (value.authMethod === "PRIVATE_KEY_JWT" && !value.jwksUri) {
      ctx.addIssue({ code: "custom", path: ["jwksUri"], message: "Indiquez l'adresse des clés publiques de l'e-service (private_key_jwt)." });
    }
  });

export type OidcClientInput = z.input<typeof oidcClientSchema>;
export type OidcClientValues = z.output<typeof oidcClientSchema>;
