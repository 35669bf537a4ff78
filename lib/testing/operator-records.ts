// What the operator's catalogue and organisations tests share: an operator signed in for
// each test, and the check that a refused change wrote nothing (no row, no audit event, no
// edited row) to the table it manages.
import { beforeEach, expect } from "vitest";
import { db } from "../db";
import type { Actor } from "../operation";
import { actorOf, session, viewerOf } from "./actions";
import { createAccount } from "./factories";

type ManagedTable = "eService" | "organisation";

/** An operator, signed in before each test of the file: `operator()` and `actor()` read the current one. */
export function signedInOperator() {
  let operator: Awaited<ReturnType<typeof createAccount>>;
  let actor: Actor;
  beforeEach(async () => {
    operator = await createAccount({ organisationId: null });
    actor = actorOf(operator);
    session.viewer = viewerOf(operator);
  });
  return { operator: () => operator, actor: () => actor };
}

async function snapshot(table: ManagedTable) {
  const delegate = db[table] as unknown as {
    count(): Promise<number>;
    aggregate(args: { _max: { updatedAt: true } }): Promise<{ _max: { updatedAt: Date | null } }>;
  };
  const [rows, audit, latest] = await Promise.all([delegate.count(), db.auditEvent.count(), delegate.aggregate({ _max: { updatedAt: true } })]);
  return { rows, audit, lastUpdate: latest._max.updatedAt };
}

/** Runs `run` and checks that the table, its rows' updates and the audit log are as before. */
export async function expectNothingWrittenTo(table: ManagedTable, run: () => Promise<unknown>): Promise<void> {
  const before = await snapshot(table);
  await run();
  expect(await snapshot(table)).toEqual(before);
}
