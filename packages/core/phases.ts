/**
 * Benchmark phase marks for a step: milliseconds since the process started
 * (`performance.timeOrigin`), kept only when ASTL_BENCH_PHASES names a file, and appended there
 * as one JSON line `{"step": "...", "marks": {"boot": ms, "<phase>": ms, ...}}` by `flush()`.
 * `boot` is when Node finished its own start-up (performance.nodeTiming.bootstrapComplete), so
 * the first mark after it measures loading the bundle. Unset, every call is a no-op (and the
 * global `performance`, which loads Node's perf modules, is never touched).
 */
import { appendFileSync } from 'node:fs';

export interface PhaseRecorder {
  /** Records `phase` now; a phase marked twice keeps its first time. */
  mark(phase: string): void;
  /** Appends the marks to the file (never throws: a benchmark aid must not fail a step). */
  flush(): void;
}

export function phaseRecorder(
  step: string,
  env: Record<string, string | undefined> = process.env,
): PhaseRecorder {
  const file = env.ASTL_BENCH_PHASES;
  if (!file) return { mark: () => {}, flush: () => {} };
  const marks: Record<string, number> = { boot: performance.nodeTiming.bootstrapComplete };
  return {
    mark(phase) {
      marks[phase] ??= performance.now();
    },
    flush() {
      try {
        appendFileSync(file, `${JSON.stringify({ step, marks })}\n`);
      } catch {
        // the benchmark notices the missing line
      }
    },
  };
}
