// `npm run worker`: the job runner as its own process (e-mail delivery and scheduled jobs).
// Run as many as you like: each scheduled job still runs once per period. On the embedded
// database it shares the server the app started, or starts it.
import "./load-env";
import { localAuthSecret } from "./database/local-auth-secret";
import { openDatabase } from "./database/open";

async function main(): Promise<void> {
  const database = await openDatabase();
  // Same secret as the app on the embedded database (run-app.ts): it keys stored hashes.
  if (database.embedded) process.env.AUTH_SECRET ??= localAuthSecret();
  const { assertReadyToServe } = await import("../lib/env");
  assertReadyToServe();
  const { startJobRunner } = await import("../lib/jobs/start");
  const { logger } = await import("../lib/logger");
  const log = logger.child({ source: "worker" });
  const runner = startJobRunner(({ msg, ...event }) =>
    String(msg).includes("failed") ? log.error(event, String(msg)) : log.info(event, String(msg)),
  );
  log.info({ instanceId: runner.instanceId }, "worker started");
  // The runner's timers do not hold the process (unref: the app's server must be able to end
  // without waiting for them); here, only the database's sockets did, so the worker exited
  // quietly, status 0, as soon as PostgreSQL went away for a restart. It lives until it is
  // told to stop, and its runner and delivery loop take the work up again when the database is back.
  const keepAlive = setInterval(() => undefined, 60_000);

  const stop = async () => {
    clearInterval(keepAlive);
    await runner.stop();
    // Lets the batches in flight finish and be recorded (their lease would cover a crash).
    const { stopMailDelivery } = await import("../lib/mail/deliver-outbox");
    await stopMailDelivery();
    const { db } = await import("../lib/db");
    await db.$disconnect();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
