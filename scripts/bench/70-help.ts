// Help centre and assistance (HELP-1..3): search speed, ticket creation under concurrency
// (numbers stay unique), the operator's ticket list, and the two-pass guide PDF.
import { allHelpEntries } from "../../lib/help/content";
import { forgetServedGuide, practicalGuidePdf } from "../../lib/help/guide-cache";
import { searchHelp } from "../../lib/help/search";
import { listTicketsForOperator } from "../../lib/support/queries";
import { createTicket } from "../../lib/support/tickets";
import { line, report, runConcurrently, timed, type BenchSection } from "./measure";

const TICKETS = 400;

const section: BenchSection = {
  title: "Help centre and assistance",
  async run({ db }) {
    const entries = allHelpEntries().map(({ entry }) => entry);
    const queries = ["compte désactivé", "courrier représentant", "mot de passe oublié", "export pdf", "zèbre"];
    const search = await timed(async () => {
      for (let turn = 0; turn < 2_000; turn += 1) searchHelp(entries, queries[turn % queries.length]);
    });
    line("help search (in the browser's code)", `${((search.seconds * 1000) / 2_000).toFixed(3)} ms per query over ${entries.length} entries`);

    const ticket = (turn: number) =>
      createTicket(
        db,
        null,
        {
          category: turn % 2 ? "ACCESS" : "DASHBOARDS",
          organisationId: null,
          organisationLabel: null,
          stepsTried: null,
          message: `Demande de mesure n° ${turn}`,
          contactEmail: `bench-${turn}@bench.example`,
          tableau: "portail",
          periode: "30j",
        },
        { ipAddress: `10.0.${turn >> 8}.${turn & 255}` },
      );
    const alone = await runConcurrently(20, (turn) => ticket(TICKETS + turn), 1);
    report("ticket creation (+ outbox), one client", alone);
    // Numbers come from a counter row upserted outside the ticket's transaction: concurrent
    // requests do not wait for each other; the acknowledgement is rendered once per shape and
    // filled per ticket (lib/support/acknowledgement.ts), before the transaction.
    const cpu = process.cpuUsage();
    const samples = await runConcurrently(TICKETS, ticket);
    const used = process.cpuUsage(cpu);
    report("ticket creation (+ outbox, 20 clients)", samples, "p95 < 300 ms");
    // CPU of this process per ticket: what the machine's load does not change.
    line("  CPU of the app process per ticket", `${((used.user + used.system) / 1000 / TICKETS).toFixed(1)} ms`);
    const numbers = await db.supportTicket.findMany({ select: { number: true } });
    line("ticket numbers unique", `${new Set(numbers.map((row) => row.number)).size} distinct of ${numbers.length}`);

    // The console's scope, as requireOperator proves it: the list reads every ticket.
    const operator = { accountId: "00000000-0000-7000-8000-00000000be01", identifier: "bench-operator", role: "OPERATOR", organisationId: null } as const;
    const list = await runConcurrently(200, () => listTicketsForOperator(operator, { status: "OPEN", category: null }));
    report(`operator list, ${TICKETS} tickets (20 clients)`, list);

    const inputs = { baseUrl: "https://portail.example/", support: { email: "a@b.c", phone: "01", hours: "9-17" } };
    const guide = await timed(() => practicalGuidePdf(inputs, db));
    line("practical guide PDF, built (two passes, once per content version)", `${guide.seconds.toFixed(2)} s, ${guide.value.pdf.length.toLocaleString("en")} bytes`);
    forgetServedGuide(); // as another instance, or this one after a restart
    const stored = await timed(() => practicalGuidePdf(inputs, db));
    line("practical guide PDF, kept (read from the database)", `${(stored.seconds * 1000).toFixed(0)} ms${stored.value.built ? " (REBUILT?)" : ""}`, "< 1 s like a dashboard export");
  },
};
export default section;
