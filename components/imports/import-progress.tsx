"use client";

// BULK-4: the progress of an import applied in the background. It polls a small route
// handler, so it survives a reload (the state is the import's row, not this page); the
// bar is a progressbar for assistive technologies and each tenth is announced politely.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

export interface ProgressSnapshot {
  status: string;
  totalRows: number;
  processedRows: number;
}

function percentOf(snapshot: ProgressSnapshot): number {
  return snapshot.totalRows ? Math.floor((snapshot.processedRows / snapshot.totalRows) * 100) : 100;
}

export function ImportProgress({ importId, initial }: { importId: string; initial: ProgressSnapshot }) {
  const router = useRouter();
  const [snapshot, setSnapshot] = useState(initial);
  const active = snapshot.status === "QUEUED" || snapshot.status === "RUNNING";

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/imports/${importId}/progress`, { cache: "no-store" });
        if (!response.ok || stopped) return;
        const next = (await response.json()) as ProgressSnapshot;
        setSnapshot(next);
        // Finished: the page shows the final outcome of every row.
        if (next.status !== "QUEUED" && next.status !== "RUNNING") router.refresh();
      } catch {
        // A failed poll is retried at the next tick.
      }
    }, 1_000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active, importId, router]);

  const percent = percentOf(snapshot);
  const announced = Math.floor(percent / 10) * 10;
  const label =
    snapshot.status === "QUEUED"
      ? "En attente de traitement : l'import démarre dans quelques secondes."
      : snapshot.status === "RUNNING"
        ? `Import en cours : ${snapshot.processedRows.toLocaleString("fr-FR")} lignes traitées sur ${snapshot.totalRows.toLocaleString("fr-FR")}.`
        : snapshot.status === "COMPLETED"
          ? "Import terminé."
          : "Import interrompu.";

  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between text-sm font-medium">
        <span id="progression-libelle">Progression de l&apos;import</span>
        <span aria-hidden="true">{percent} %</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="progression-libelle"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %`}
        className="h-4 w-full overflow-hidden rounded border border-slate-500 bg-slate-100"
      >
        <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-700">{label}</p>
      <p role="status" aria-live="polite" className="sr-only">
        {snapshot.status === "COMPLETED" ? "Import terminé : 100 %." : `Progression : ${announced} %.`}
      </p>
    </div>
  );
}
