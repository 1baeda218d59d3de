// biome-ignore-all lint/suspicious/noTemplateCurlyInString: workflow fixtures hold GitHub expressions
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { annotationLines } from '../../packages/scanner/report/annotations.js';
import { scan } from '../../packages/scanner/scan.js';
import { parseWorkflowCommands } from '../support/runner.js';
import { cleanup, workspace } from './helpers.js';

afterAll(cleanup);

describe('property: annotations never inject commands', () => {
  it('any file name and message round-trips as exactly one command line', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('error', 'warning', 'note') as fc.Arbitrary<'error' | 'warning' | 'note'>,
        (file, message, severity) => {
          const lines = annotationLines([
            { ruleId: 'workflow/write-all', severity, file, line: 1, message, fingerprint: 'f' },
          ]);
          expect(lines).toHaveLength(1);
          const text = lines[0]!;
          expect(text).not.toMatch(/[\r\n]/);
          const parsed = parseWorkflowCommands(text);
          expect(parsed).toHaveLength(1);
          // The runner drops an empty property (`file=` splits into one part), as it does here.
          expect(parsed[0]!.properties.file ?? '').toBe(file);
          expect(parsed[0]!.message).toBe(message);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('property: the engine never throws on arbitrary content', () => {
  it('random YAML-ish and JSON-ish files are scanned without an exception', async () => {
    const yamlish = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            'jobs:',
            '  a:',
            '    steps:',
            '      - uses: x/y@v1',
            '      - run: echo ${{ github.event.issue.title }}',
            'permissions: write-all',
            'agents:',
            '  - name: a',
            '    type: t',
            '    permissions:',
            '      - secrets: admin',
            'kind: AgentPolicy',
            'spec: {agentTypes: [t], restrictions: [{deny: secrets}]}',
            '---',
            '*alias',
            '&anchor [',
            '{{{',
            '"\\u0000"',
          ),
          fc.string({ maxLength: 40 }),
        ),
        { maxLength: 30 },
      )
      .map((lines) => lines.join('\n'));
    const jsonish = fc
      .array(
        fc.oneof(
          fc.constantFrom('{', '}', '[', ']', '"Statement":', '"2012-10-17"', '"*"', ','),
          fc.string(),
        ),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join(''));
    const samples = fc.sample(fc.tuple(yamlish, yamlish, jsonish), 60);
    const files: Record<string, string> = {};
    samples.forEach(([workflow, registry, iam], i) => {
      files[`.github/workflows/w${i}.yml`] = workflow;
      files[`t${i}/agent-config.yaml`] = registry;
      files[`policies/p${i}.yaml`] = registry;
      files[`iam/p${i}.json`] = `{"Version":"2012-10-17","Statement":${iam}`;
    });
    const result = await scan({ root: workspace(files) });
    expect(result.files.length).toBe(samples.length * 4);
    for (const f of result.findings) {
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      // A rule that crashed is reported as "could not check": that would be a bug.
      expect(f.message).not.toContain('The scanner could not check');
    }
  });
});
