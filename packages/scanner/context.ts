/**
 * What a rule sees of one file and how it reports: rules emit drafts (rule id, where, message,
 * what the finding is about); `FileContext.finish` turns them into Findings with the rule's
 * severity, a fingerprint from the normalised content (never the line number) and a snippet.
 */
import { type Finding, fingerprint, type RuleMeta, type Severity } from './finding.js';
import { LineIndex } from './source.js';

export interface Draft {
  ruleId: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** What the finding is about, for the fingerprint; defaults to the text of `line`. */
  about?: string;
  /** Reported in diff scope whenever the file changed (e.g. a missing block), not only on changed lines. */
  fileLevel?: boolean;
  /** False when the line may hold a secret and must not be shown. */
  showSnippet?: boolean;
  /**
   * This finding's severity when it differs from the rule's (a tag pin a scan config accepts is
   * a note; untrusted text only a collaborator can write is a warning).
   */
  severity?: Severity;
}

/** A finding plus what the engine needs before handing it out. */
export interface RawFinding extends Finding {
  fileLevel?: boolean;
}

export class FileContext {
  readonly findings: RawFinding[] = [];
  private index?: LineIndex;
  private readonly occurrences = new Map<string, number>();

  constructor(
    readonly file: string,
    readonly text: string,
    private readonly rules: ReadonlyMap<string, RuleMeta>,
  ) {}

  get lines(): LineIndex {
    this.index ??= new LineIndex(this.text);
    return this.index;
  }

  position(offset: number): { line: number; column: number } {
    return this.lines.position(offset);
  }

  emit(draft: Draft): void {
    const meta = this.rules.get(draft.ruleId);
    if (!meta) throw new Error(`unknown rule id ${draft.ruleId}`);
    const lineText = this.lines.lineText(draft.line);
    // Identical content twice in a file (two equal `uses:` lines) must not share a fingerprint:
    // the second and later ones carry their occurrence number.
    let about = (draft.about ?? lineText).replace(/\s+/g, ' ').trim();
    const key = `${draft.ruleId}\0${about}`;
    const seen = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, seen + 1);
    if (seen > 0) about += ` #${seen + 1}`;
    const finding: RawFinding = {
      ruleId: draft.ruleId,
      severity: draft.severity ?? meta.severity,
      file: this.file,
      line: draft.line,
      message: draft.message,
      fingerprint: fingerprint(draft.ruleId, this.file, about),
    };
    if (draft.column !== undefined) finding.column = draft.column;
    if (draft.endLine !== undefined) finding.endLine = draft.endLine;
    if (draft.endColumn !== undefined) finding.endColumn = draft.endColumn;
    if (draft.showSnippet !== false && lineText.trim()) finding.snippet = clip(lineText.trim(), 200);
    if (draft.fileLevel) finding.fileLevel = true;
    this.findings.push(finding);
  }
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
