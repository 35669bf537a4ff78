// Read models of the operators' print queue (LR-6). Operators see every letter: these
// queries take the OperatorActor the session proved. The reads themselves live beside the
// queue's operations (queue.ts), which the jobs and the "marquer comme posté" service share.
import "server-only";
import { db } from "../db";
import type { OperatorActor } from "../operation";
import { letterPdf, listLetterHistory, listQueuedLetters, queuedBatchPdf } from "./queue";

/** The letters waiting to be printed, oldest first. */
export function queuedLetters(_operator: OperatorActor) {
  return listQueuedLetters(db);
}

/** The letters posted or cancelled, latest first. */
export function letterHistory(_operator: OperatorActor) {
  return listLetterHistory(db);
}

/** One letter's PDF, to reprint it (null once purged). */
export function letterPdfForOperator(_operator: OperatorActor, letterId: string) {
  return letterPdf(db, letterId);
}

/** Every queued letter in one PDF, or null when none waits. */
export function queuedLettersPdf(_operator: OperatorActor) {
  return queuedBatchPdf(db);
}

/** How many letters wait to be printed (the operator's console home). */
export function countQueuedLetters(_operator: OperatorActor): Promise<number> {
  return db.letter.count({ where: { status: "QUEUED" } });
}
