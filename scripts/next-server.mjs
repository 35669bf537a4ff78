// @ts-check
// `npm start` serves the production build through this small HTTP server rather than
// `next start`: it is the only place that sees the TCP connection, so it resolves the client's
// address and hands it to the app in a header that it always overwrites, signed with a key
// drawn for this process (lib/security/client-address.mjs): a client cannot choose the
// address its rate limits are counted under (SEC-2), and the app refuses to start in
// production without this server (instrumentation.ts). It also counts the bytes of every
// request body and answers 413 past the path's limit before Next.js reads it (SEC-9,
// scripts/limit-request-body.mjs). It serves the OpenID Connect provider at /oidc (SSO-1,
// lib/oidc/server.ts) before Next.js: run-app starts it under tsx so that the provider's
// TypeScript modules load here; `--dev` serves Next's development mode (`npm run dev`).
// While PostgreSQL cannot be reached it answers every dynamic request itself with a French 503
// and Retry-After (lib/database-availability.ts), and serves again once the database answers
// (issue 17, item 4): several instances behind a load balancer ride out a database restart.
import { createServer } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, installClientAddressKey, resolveClientAddress, signClientAddress } from "../lib/security/client-address.mjs";
import { HeldBodyRequest, limitRequestBodies } from "./limit-request-body.mjs";

const hostname = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const trustedProxies = Number(process.env.TRUSTED_PROXIES ?? 0);
const dev = process.argv.includes("--dev");

// Before Next.js starts: its start-up check looks for the key.
const key = installClientAddressKey();
const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const { handleOidcRequest, isProviderRequest } = await import("../lib/oidc/server.ts");
const { databaseAvailable, stopWatchingDatabase, unavailableAnswer, watchDatabase } = await import("../lib/database-availability.ts");
if (process.env.DATABASE_URL) {
  watchDatabase(process.env.DATABASE_URL, ({ msg, error }) =>
    console.error(`[portail] ${msg === "database unavailable" ? "Base de données injoignable : réponses 503 jusqu'à son retour." : "Base de données de nouveau joignable."}${error ? ` (${error})` : ""}`),
  );
}

/** Files of the build and of public/: served without the database. */
const needsNoDatabase = (/** @type {string} */ url) => url.startsWith("/_next/static/") || /^\/[\w.-]+\.(ico|png|svg|txt|webmanifest|xml)$/.test(url);

const server = createServer(
  { IncomingMessage: HeldBodyRequest },
  limitRequestBodies((request, response) => {
    const address = resolveClientAddress(request.headers["x-forwarded-for"], request.socket.remoteAddress, trustedProxies);
    request.headers[CLIENT_ADDRESS_HEADER] = signClientAddress(address, key);
    const url = request.url ?? "/";
    if (!databaseAvailable() && !needsNoDatabase(url)) {
      const answer = unavailableAnswer(url.split("?")[0], request.headers.accept ?? "");
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
      return;
    }
    if (isProviderRequest(url)) {
      void handleOidcRequest(request, response, address, { proxy: trustedProxies > 0 });
      return;
    }
    void handle(request, response);
  }),
);
server.listen(port, hostname, () => {
  console.log(`[portail] Next.js prêt sur http://${hostname}:${port}`);
  if (!dev) warmRoutes();
});

/**
 * Routes asked for once, without a session, as soon as the server listens: Next.js loads a
 * route's modules on the route's first request, and the dashboards export is promised under
 * 1 s, the first one after start-up included (SPEC "Performance targets", DASH-4). Without a
 * session the route answers a redirect to the login page and reads or writes nothing.
 * React-PDF and the export's queries are warmed by instrumentation.ts. Not under `--dev`,
 * where the request would compile the route for nothing.
 */
const WARM_PATHS = ["/tableaux-de-bord/export"];

function warmRoutes() {
  const address = server.address();
  if (!address || typeof address === "string") return;
  const host =
    address.family === "IPv6" ? `[${address.address === "::" ? "::1" : address.address}]` : address.address === "0.0.0.0" ? "127.0.0.1" : address.address;
  for (const path of WARM_PATHS) {
    // A failure only leaves the loading to the route's first real request.
    fetch(`http://${host}:${address.port}${path}`, { redirect: "manual" })
      .then((response) => response.arrayBuffer())
      .catch(() => undefined);
  }
}

for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
  process.on(signal, () => {
    void stopWatchingDatabase();
    server.close(() => process.exit(0));
    // Open keep-alive connections would hold close() forever.
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
