// The few pages oidc-provider renders itself (errors it cannot send back to the e-service,
// the logout confirmation and its outcome), in French, with the portal's plain look. Everything
// is escaped: error descriptions may quote request parameters. They are served by our Node
// server, not by Next.js, so they carry their own Content-Security-Policy: nothing but their
// one style sheet (allowed by a nonce drawn for each page) and, for the logout form, posts to
// the provider and the e-service's registered post-logout address.
import { randomBytes } from "node:crypto";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

export interface RenderedPage {
  html: string;
  /** The Content-Security-Policy header that goes with this page (its nonce). */
  csp: string;
}

/** The page's Content-Security-Policy: its style by nonce, no script, forms only where `formAction` says. */
export function contentSecurityPolicy(nonce: string, formAction: string[] = []): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    "img-src 'self'",
    `form-action ${formAction.length ? formAction.join(" ") : "'none'"}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; ");
}

export function page(title: string, body: string, options: { formAction?: string[] } = {}): RenderedPage {
  const nonce = randomBytes(16).toString("base64");
  return { html: document(title, body, nonce), csp: contentSecurityPolicy(nonce, options.formAction) };
}

function document(title: string, body: string, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Portail e-services</title>
<style nonce="${nonce}">
body{font-family:system-ui,sans-serif;margin:0;background:#f6f6f6;color:#1e1e1e}
main{max-width:36rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #ccc;border-radius:.5rem}
h1{font-size:1.5rem;margin-top:0}
button,a.button{display:inline-block;font:inherit;padding:.6rem 1rem;margin:.25rem .5rem .25rem 0;border-radius:.3rem;border:2px solid #1d4ed8;background:#1d4ed8;color:#fff;text-decoration:none;cursor:pointer}
button.secondary{background:#fff;color:#1d4ed8}
button:focus-visible,a:focus-visible{outline:3px solid #000;outline-offset:2px}
a{color:#1d4ed8}
</style>
</head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>`;
}

/** French texts for the errors a person may meet on the provider's own pages. */
const ERROR_TEXTS: Record<string, string> = {
  invalid_request: "La demande de connexion envoyée par l'e-service n'est pas valide.",
  invalid_client: "L'e-service qui demande la connexion n'est pas enregistré auprès du portail.",
  invalid_redirect_uri: "L'adresse de retour demandée par l'e-service n'est pas celle qui a été enregistrée.",
  access_denied: "L'accès à l'e-service a été refusé.",
  session_not_found: "La demande de connexion a expiré ou a été ouverte dans un autre navigateur.",
  invalid_scope: "L'e-service demande des informations que le portail ne fournit pas.",
  server_error: "Une erreur inattendue s'est produite.",
};

export function errorPage(out: { error?: string; error_description?: string }): RenderedPage {
  const known = out.error ? ERROR_TEXTS[out.error] : undefined;
  const lead = known ?? "La connexion à l'e-service n'a pas pu aboutir.";
  return page(
    "Connexion à l'e-service impossible",
    `<p>${escapeHtml(lead)}</p>
<p>Retournez sur l'e-service et recommencez la connexion. Si le problème continue, signalez-le à l'assistance du portail en indiquant le code ci-dessous.</p>
<p><small>Code technique : ${escapeHtml(out.error ?? "erreur")}${out.error_description ? ` (${escapeHtml(out.error_description)})` : ""}</small></p>
<p><a href="/aide#assistance">Contacter l'assistance</a> · <a href="/e-services">Mes e-services</a></p>`,
  );
}
