// Read models of the operators' print queue (LR-6). Operators see every letter: these
// queries take the OperatorActor the session proved. The reads themselves live beside the
// queue's operations (queue.ts), which the jobs and the "marquer comme posté" service share.
import "server-only";
import { db } from "../db";
import type { OperationContext, OperatorActor } from "../operation";
import { downloadLetterPdf, downloadQueuedBatch, listLetterHistory, listQueuedLetters } from "./queue";

/** The letters waiting to be printed, oldest first. */
export function queuedLetters(_operator: OperatorActor) {
  return listQueuedLetters(db);
}

/** The letters posted or cancelled, latest first. */
export function letterHistory(_operator: OperatorActor) {
  return listLetterHistory(db);
}

/** One letter's PDF (re-rendered for a re-print while its request waits), its download audited (SEC-5). */
export function letterPdfForOperator(operator: OperatorActor, letterId: string, context: OperationContext) {
  return downloadLetterPdf(db, operator, letterId, context);
}

/** Every queued letter in one PDF, or null when none waits; each letter's download audited. */
export function queuedLettersPdf(operator: OperatorActor, context: OperationContext) {
  return downloadQueuedBatch(db, operator, context);
}

/** How many letters wait to be printed (the operator's console home). */
export function countQueuedLetters(_operator: OperatorActor): Promise<number> {
  return db.letter.count({ where: { status: "QUEUED" } });
}
