// Runs once when a Next.js server starts: check the configuration (a refusal stops the
// server before it answers anything), then start the job runner in-process unless
// JOBS_IN_PROCESS=0 (production runs `npm run worker` instead).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertReadyToServe, env } = await import("./lib/env");
  assertReadyToServe();
  const { assertClientAddressesKnown } = await import("./lib/request-context");
  const { clientAddressKey } = await import("./lib/security/client-address.mjs");
  assertClientAddressesKnown({ production: process.env.NODE_ENV === "production", key: clientAddressKey() });
  const config = env();
  // The first PDF export after start-up as fast as the others (SPEC "Performance targets"):
  // fonts and React-PDF are loaded now, not during someone's request. A failure here is
  // logged, not fatal: the export then says what is wrong when it is asked for.
  // Production only: under `npm run dev` routes compile on demand anyway.
  const { logger } = await import("./lib/logger");
  if (process.env.NODE_ENV === "production") {
    const { preparePdfRendering } = await import("./lib/letters/pdf-fonts");
    const started = performance.now();
    await preparePdfRendering().then(
      () => logger.info({ ms: Math.round(performance.now() - started) }, "PDF rendering prepared"),
      (error: unknown) => logger.error({ err: error }, "PDF rendering could not be prepared"),
    );
    // The dashboards export itself (lib/dashboards/warm-up.ts): its renders before the server
    // answers anyone (CPU only, 2 to 3 s; run in the background, they would hold up the event
    // loop anyway), its reads in the background, as the database may not answer yet. The
    // route's own modules are loaded by a request that scripts/next-server.mjs makes once it
    // listens.
    const { warmDashboardsPdf, warmDashboardsQueries } = await import("./lib/dashboards/warm-up");
    const warming = performance.now();
    await warmDashboardsPdf().then(
      () => logger.info({ ms: Math.round(performance.now() - warming) }, "Dashboards PDF prepared"),
      (error: unknown) => logger.error({ err: error }, "Dashboards PDF could not be prepared"),
    );
    void warmDashboardsQueries().catch((error: unknown) => logger.warn({ err: error }, "Dashboards queries could not be prepared"));
  }
  if (config.JOBS_IN_PROCESS === "0") return;
  const { startJobRunner } = await import("./lib/jobs/start");
  const log = logger.child({ source: "jobs" });
  startJobRunner(({ msg, ...event }) =>
    String(msg).includes("failed") ? log.error(event, String(msg)) : log.info(event, String(msg)),
  );
}

/**
 * Next.js calls this for every error a request meets. One that says PostgreSQL is unreachable
 * switches this process to its 503 page until the database answers again
 * (lib/database-availability.ts, served by scripts/next-server.mjs).
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportDatabaseError } = await import("./lib/database-availability");
  reportDatabaseError(error);
}
