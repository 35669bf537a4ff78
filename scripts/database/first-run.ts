// The first start's data (the organisation directory and the catalogue, and demo data where
// allowed), loaded once: several instances started together on an empty database each ran
// `npm start`'s "first run" and loaded it once per instance (issue 17, item 4). The check and
// the load happen under a PostgreSQL advisory lock held by this connection, so the instances
// take turns and only the first finds the directory empty.
import pg from "pg";

const FIRST_RUN_LOCK = "portail.first-run";

/** Runs `load` if the organisation directory is empty, one instance at a time; says whether it ran. */
export async function loadOnFirstRun(url: string, load: () => Promise<void>): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [FIRST_RUN_LOCK]);
    const { rows } = await client.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM "organisations") AS empty`);
    if (!rows[0].empty) return false;
    await load();
    return true;
  } finally {
    // Ending the session releases the lock whatever happened.
    await client.end();
  }
}
