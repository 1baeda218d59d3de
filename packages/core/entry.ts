/**
 * How a front end's bundle runs its top-level promise. The bundles are CommonJS (scripts/build.mjs,
 * issue 13), which has no top-level await, so an entry cannot `await run()`; `void run()` would
 * leave the ending to Node's settings: a rejection is fatal only in the default
 * --unhandled-rejections mode (`warn` or `none` from NODE_OPTIONS end the process with 0), and a
 * promise still pending when the event loop empties ends it with 0 too (an ESM entry awaiting it
 * ended with 13). `runEntry` settles both itself, whatever the settings.
 */

/** The part of `process` runEntry listens to (a test passes an EventEmitter). */
export interface EntryProcess {
  once(event: 'beforeExit', listener: (code: number) => void): unknown;
}

export interface EntryHandlers<T> {
  /** `work` resolved with `value`. */
  done(value: T): void;
  /** `work` rejected with `err`, or was still pending when nothing was left to settle it. */
  failed(err: unknown): void;
}

/**
 * Calls `on.done` or `on.failed` exactly once for `work`. 'beforeExit' is emitted only when the
 * event loop is empty (not after process.exit), so a promise pending then can never settle.
 */
export function runEntry<T>(work: Promise<T>, on: EntryHandlers<T>, proc: EntryProcess = process): void {
  let settled = false;
  proc.once('beforeExit', () => {
    if (settled) return;
    settled = true;
    on.failed(new Error('stopped before it finished: it waited on something that can no longer happen'));
  });
  work.then(
    (value) => {
      if (settled) return;
      settled = true;
      on.done(value);
    },
    (err: unknown) => {
      if (settled) return;
      settled = true;
      on.failed(err);
    },
  );
}
