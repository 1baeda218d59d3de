/** What every detector shares: the hit it reports and the per-text scan state. */

/** One detected secret, in offsets of the scanned text. */
export interface Hit {
  ruleId: string;
  /** Span reported as the finding's location. */
  start: number;
  end: number;
  /** Span of the secret value itself (redacted in snippets; hashed into the fingerprint). */
  secretStart: number;
  secretEnd: number;
  /** Normalised secret value (whitespace-free for multi-line keys), for hashing and allow-lists. */
  secret: string;
  /**
   * Where the random part of `secret` starts (after a fixed prefix such as `ghp_`); the
   * placeholder test looks at `secret.slice(randomFrom)`. Undefined: the detector judged the
   * value itself (private keys, whose base64 bodies legitimately hold runs like `AAAA`).
   */
  randomFrom?: number;
  /** More precise description than the rule's, e.g. "GitHub fine-grained personal access token". */
  what?: string;
}

export interface ScanContext {
  text: string;
  hits: Hit[];
  enabled: (ruleId: string) => boolean;
  /** Next `-----END` at or after the last private-key body (-1: none left, undefined: not searched). */
  nextPemEnd?: number;
  /** Start of the last assignment name read, and the end of its value (keyword hits inside are skipped). */
  lastNameStart: number;
  consumedUntil: number;
  /** Per token rule: end of the last run of token characters it examined. */
  examinedUntil: number[];
  /** Cached position of the next line break (positions asked for only grow). */
  nextNewline: number;
}

/** The next `\n` at or after `from` (or text.length), cached so that repeated calls stay linear. */
export function newlineAfter(ctx: ScanContext, from: number): number {
  if (ctx.nextNewline < from) {
    const i = ctx.text.indexOf('\n', from);
    ctx.nextNewline = i === -1 ? ctx.text.length : i;
  }
  return ctx.nextNewline;
}
