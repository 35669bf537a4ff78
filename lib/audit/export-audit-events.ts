// DEP-4: the journal downloads as CSV (French Excel: `;`, UTF-8 with BOM, French headers,
// cells protected against formula injection) or as JSON lines (one object per event), with
// the filters the reader chose and within what the reader may read (ADM-5: an administrator
// their organisation, an operator everything). The file is streamed: each batch of events is
// read from PostgreSQL only when the client has taken the previous one, so tens of thousands
// of events never sit in memory together. Each export is itself audited.
import "server-only";
import { parisDayKey } from "../calendar";
import { db } from "../db";
import type { OperationContext } from "../operation";
import { organisationNames } from "../organisations/queries";
import { CSV_BOM, csvLine } from "../spreadsheet-csv";
import { auditActionLabel } from "./action-labels";
import { AUDIT_EXPORT_BATCH, auditEventBatches, type AuditEventRow, type AuditFilters, type AuditReader } from "./queries";
import { recordAuditEvent } from "./record-audit-event";

export type AuditExportFormat = "csv" | "jsonl";

export function auditExportFormat(value: string | null): AuditExportFormat | null {
  return value === "csv" || value === "jsonl" ? value : null;
}

const PARIS_TIME = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

const CSV_HEADER = [
  "Date (heure de Paris)",
  "Action",
  "Code de l'action",
  "Auteur",
  "Rôle de l'auteur",
  "Concerne",
  "Type de l'objet concerné",
  "Identifiant de l'objet concerné",
  "Organisation",
  "Adresse réseau",
  "Détails",
  "Identifiant de l'événement",
];

function csvRow(event: AuditEventRow, organisation: string): string {
  return csvLine([
    PARIS_TIME.format(event.createdAt),
    auditActionLabel(event.action),
    event.action,
    event.actorLabel,
    event.actorRole ?? "",
    event.targetLabel ?? "",
    event.targetType ?? "",
    event.targetId ?? "",
    organisation,
    event.ipAddress ?? "",
    event.details === null || event.details === undefined ? "" : JSON.stringify(event.details),
    event.id,
  ]);
}

function jsonLine(event: AuditEventRow, organisation: string | null): string {
  return (
    JSON.stringify({
      id: event.id,
      createdAt: event.createdAt.toISOString(),
      action: event.action,
      actionLabel: auditActionLabel(event.action),
      actorId: event.actorId,
      actorLabel: event.actorLabel,
      actorRole: event.actorRole,
      organisationId: event.organisationId,
      organisationName: organisation,
      targetType: event.targetType,
      targetId: event.targetId,
      targetLabel: event.targetLabel,
      ipAddress: event.ipAddress,
      details: event.details ?? null,
    }) + "\n"
  );
}

/** The organisation names of a batch: the administrator's own, or the directory's for an operator. */
async function namesOf(reader: AuditReader, batch: AuditEventRow[], ownName: string | undefined): Promise<Map<string, string>> {
  if (reader.role !== "OPERATOR") return new Map(ownName ? [[reader.organisationId, ownName]] : []);
  const ids = [...new Set(batch.map((event) => event.organisationId).filter((id): id is string => Boolean(id)))];
  return ids.length ? organisationNames(reader, ids) : new Map();
}

export interface AuditExport {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
}

/**
 * Records the export in the journal, then answers the file as a stream. `organisationName`
 * is the administrator's organisation as their session names it (the CSV's column).
 */
export async function exportAuditEvents(
  reader: AuditReader,
  filters: AuditFilters,
  format: AuditExportFormat,
  context: OperationContext & { organisationName?: string; batchSize?: number },
): Promise<AuditExport> {
  const scoped: AuditFilters = { action: filters.action, from: filters.from, to: filters.to, query: filters.query };
  await recordAuditEvent(db, {
    actor: reader,
    action: "audit.exported",
    organisationId: reader.role !== "OPERATOR" ? reader.organisationId : null,
    details: {
      format,
      filters: {
        ...(scoped.action ? { action: scoped.action } : {}),
        ...(scoped.from ? { from: scoped.from.toISOString() } : {}),
        ...(scoped.to ? { to: scoped.to.toISOString() } : {}),
        ...(scoped.query ? { query: scoped.query } : {}),
      },
    },
    ipAddress: context.ipAddress,
    at: context.now,
  });

  const batches = auditEventBatches(reader, scoped, context.batchSize ?? AUDIT_EXPORT_BATCH);
  const encoder = new TextEncoder();
  let started = false;
  const body = new ReadableStream<Uint8Array>(
    {
      // Called when the client is ready for more: one batch read per call, never ahead.
      async pull(controller) {
        if (!started) {
          started = true;
          if (format === "csv") controller.enqueue(encoder.encode(CSV_BOM + csvLine(CSV_HEADER)));
        }
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        const names = await namesOf(reader, next.value, context.organisationName);
        const text = next.value
          .map((event) => {
            const organisation = event.organisationId ? (names.get(event.organisationId) ?? "") : "";
            return format === "csv" ? csvRow(event, organisation) : jsonLine(event, organisation || null);
          })
          .join("");
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    // Nothing read ahead: the next batch waits until this one is taken.
    { highWaterMark: 0 },
  );
  const day = parisDayKey(context.now ?? new Date());
  return {
    body,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    filename: `journal-${day}.${format === "csv" ? "csv" : "jsonl"}`,
  };
}
