/** actions/gate/action.yml matches DESIGN.md's contract and what src/actions/gate reads. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../support/runner.js';

const action = parse(readFileSync(`${repoRoot}/actions/gate/action.yml`, 'utf8')) as {
  inputs: Record<string, { required?: boolean; default?: string; description: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

describe('actions/gate/action.yml', () => {
  it('declares exactly the inputs of the contract, with their defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      [
        'action',
        'agent',
        'environment',
        'github-token',
        'images',
        'mode',
        'params',
        'policy',
        'replicas',
      ].sort(),
    );
    expect(action.inputs.policy!.default).toBe('policies');
    expect(action.inputs.action!.default).toBe('deploy');
    expect(action.inputs.mode!.default).toBe('enforce');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
    expect(action.inputs.environment!.required).toBe(true);
  });

  it('declares exactly the outputs of the contract', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(
      ['decision', 'decision-id', 'images', 'policy-sha256', 'reasons'].sort(),
    );
  });

  it('runs the committed bundle on node24', () => {
    expect(action.runs.using).toBe('node24');
    expect(action.runs.main).toBe('../../dist/gate/main/index.js');
    expect(() => readFileSync(`${repoRoot}/dist/gate/main/index.js`)).not.toThrow();
  });

  it('every input the front end reads is declared', () => {
    const source = readFileSync(`${repoRoot}/src/actions/gate/inputs.ts`, 'utf8');
    const read = [...source.matchAll(/(?:opt|read)\('([a-z-]+)'\)/g)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(5);
    for (const name of read) expect(Object.keys(action.inputs)).toContain(name);
  });
});
