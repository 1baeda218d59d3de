/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): rules with
 * `security-severity` and tags, results with %SRCROOT%-relative locations and the scanner's
 * own line-independent fingerprint as `partialFingerprints["astl/v1"]`.
 */
import type * as Sarif from 'sarif';
import type { Finding, RuleMeta, Severity } from '../finding.js';
import { compareFindings } from '../order.js';
import { helpUriFor } from '../rules.js';

export const TOOL_NAME = 'astl-scan';
export const INFORMATION_URI = 'https://github.com/astl/agent-credentials';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', note: 'note' };

export interface SarifOptions {
  rules: readonly RuleMeta[];
  toolVersion: string;
  /** Distinguishes several uploads for one commit (SARIF runAutomationDetails.id). */
  category?: string;
}

/** A relative file path as a URI reference: each segment percent-encoded. */
export function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

export function toSarif(findings: readonly Finding[], options: SarifOptions): Sarif.Log {
  const rules = [...options.rules];
  const known = new Set(rules.map((r) => r.id));
  // A finding of a rule the catalogue lacks (should not happen) still gets a descriptor.
  for (const f of findings) {
    if (!known.has(f.ruleId)) {
      known.add(f.ruleId);
      rules.push({
        id: f.ruleId,
        title: f.ruleId,
        severity: f.severity,
        securitySeverity: 5,
        description: f.ruleId,
        helpAnchor: '',
      });
    }
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: TOOL_NAME,
        version: options.toolVersion,
        semanticVersion: options.toolVersion,
        informationUri: INFORMATION_URI,
        rules: rules.map(ruleDescriptor),
      },
    },
    results: [...findings].sort(compareFindings).map((f) => result(f, index.get(f.ruleId)!)),
    columnKind: 'utf16CodeUnits',
  };
  if (options.category) run.automationDetails = { id: `${options.category.replace(/\/?$/, '/')}` };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [run],
  };
}

function ruleDescriptor(r: RuleMeta): Sarif.ReportingDescriptor {
  const helpUri = helpUriFor(r);
  return {
    id: r.id,
    name: pascal(r.id),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    help: {
      text: `${r.description} See ${helpUri}`,
      markdown: `${r.description}\n\n[Rule reference](${helpUri})`,
    },
    helpUri,
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      'security-severity': r.securitySeverity.toFixed(1),
      tags: r.tags ?? ['security'],
      precision: 'high',
      'problem.severity': r.severity === 'note' ? 'recommendation' : r.severity,
    },
  };
}

function result(f: Finding, ruleIndex: number): Sarif.Result {
  const region: Sarif.Region = { startLine: f.line };
  if (f.column !== undefined) region.startColumn = f.column;
  if (f.endLine !== undefined && f.endLine >= f.line) region.endLine = f.endLine;
  if (f.endColumn !== undefined) region.endColumn = f.endColumn;
  if (f.snippet) region.snippet = { text: f.snippet };
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(f.file), uriBaseId: '%SRCROOT%' },
          region,
        },
      },
    ],
    partialFingerprints: { 'astl/v1': f.fingerprint },
  };
}

function pascal(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}
