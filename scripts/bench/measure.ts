// Shared measuring helpers for the `npm run bench` sections: figures are printed, never asserted.
import type { PrismaClient } from "../../lib/generated/prisma/client";

export const CONCURRENCY = 20;

export type BenchContext = {
  db: PrismaClient;
  /** Connection string of the throw-away benchmark database. */
  databaseUrl: string;
  /** `--json FILE`: where a section writes its figures as JSON, if it has any to give. */
  jsonFile?: string;
};

export type BenchSection = {
  title: string;
  run(context: BenchContext): Promise<void>;
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function report(label: string, samples: number[], target?: string) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  console.log(
    `${label.padEnd(40)} n=${samples.length} mean=${mean.toFixed(1)}ms p50=${percentile(sorted, 50).toFixed(1)}ms ` +
      `p95=${percentile(sorted, 95).toFixed(1)}ms p99=${percentile(sorted, 99).toFixed(1)}ms${target ? `  (target ${target})` : ""}`,
  );
}

export function line(label: string, figure: string, target?: string) {
  console.log(`${label.padEnd(40)} ${figure}${target ? `  (target ${target})` : ""}`);
}

/** Runs `task(turn)` `total` times from `clients` concurrent loops; returns each call's duration in ms. */
export async function runConcurrently(total: number, task: (turn: number) => Promise<unknown>, clients = CONCURRENCY) {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const turn = next++;
        const started = performance.now();
        await task(turn);
        samples.push(performance.now() - started);
      }
    }),
  );
  return samples;
}

export async function timed<T>(task: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await task();
  return { value, seconds: (performance.now() - started) / 1000 };
}
