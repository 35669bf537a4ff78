// Directory seed (target: under 30 s) and organisation search with 20 concurrent clients.
import { seedDirectory } from "../../prisma/seed/directory";
import { searchOrganisations } from "../../lib/organisations/search-organisations";
import { CONCURRENCY, line, report, runConcurrently, timed, type BenchSection } from "./measure";

const SEARCHES = 2_000;
const QUERIES = ["saint etienne", "paris", "42000", "besancon", "l'abergement", "St-Jean", "214202186", "montagne", "vallee", "sur mer", "75056", "ile"];

const section: BenchSection = {
  title: "Directory",
  async run({ db }) {
    const fresh = await timed(() => seedDirectory(db));
    line("Directory seed (fresh database)", `${fresh.value} organisations in ${fresh.seconds.toFixed(1)} s`, "< 30 s");
    const again = await timed(() => seedDirectory(db));
    line("Directory seed (again, idempotent)", `${again.seconds.toFixed(1)} s`);
    await db.$executeRawUnsafe("ANALYZE");
    const samples = await runConcurrently(SEARCHES, (turn) => searchOrganisations(db, QUERIES[turn % QUERIES.length], 20));
    report(`Organisation search (${CONCURRENCY} clients)`, samples, "p95 < 150 ms");
  },
};
export default section;
