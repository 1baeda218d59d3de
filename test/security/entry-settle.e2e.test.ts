/**
 * The bundles are CommonJS (issue 13), so an entry starts `run()` without awaiting it at top
 * level. How the process ends must not then depend on Node's settings: a run() that rejects fails
 * the step whatever --unhandled-rejections mode NODE_OPTIONS names (with `warn` or `none` a bare
 * `void run()` ends with exit 0, so a gate that could not finish let the deploy through), and a
 * run() that never settles fails it too (an ESM entry ended with 13; a CommonJS one with 0).
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEntry } from '../../packages/core/entry.js';
import { policyDir } from '../../packages/gate/test-helpers.js';
import { commandProblems, runStep } from '../support/runner.js';

const POLICY = `agent: deploy-manager
actions:
  - name: deploy
    allowed_environments: [staging]
`;

describe('an entry whose run() rejects fails the step in every --unhandled-rejections mode', () => {
  for (const mode of ['', '--unhandled-rejections=warn', '--unhandled-rejections=none']) {
    it(`gate, a deny it cannot record (GITHUB_OUTPUT unwritable), NODE_OPTIONS=${mode || '(unset)'}`, async () => {
      // GITHUB_OUTPUT naming a directory: setOutput throws in run()'s own catch, so run() rejects.
      const r = await runStep('dist/gate/main/index.js', {
        cwd: policyDir({ 'policies/deploy.yaml': POLICY }),
        inputs: { agent: 'deploy-manager', action: 'deploy', environment: 'production' },
        env: {
          GITHUB_OUTPUT: mkdtempSync(join(tmpdir(), 'astl-output-dir-')),
          ...(mode ? { NODE_OPTIONS: mode } : {}),
        },
        checkCommands: false,
      });
      expect(commandProblems(r.runner)).toEqual([]);
      expect(r.exitCode, r.stdout).toBe(1);
      expect(r.commands.find((c) => c.command === 'error')?.message).toMatch(/internal error/);
      // Node's own report (its stack, raw) never reaches the log.
      expect(r.stdout + r.stderr).not.toMatch(/UnhandledPromiseRejectionWarning/);
    });
  }
});

describe('an entry whose run() never settles fails the step', () => {
  it('post step: a Vault request that never answers and holds nothing open (preloaded stand-in)', async () => {
    // The only way to make the bundle wait on nothing from outside: a preloaded module (the
    // runner's NODE_OPTIONS) whose http.request never answers and keeps no handle open.
    const dir = mkdtempSync(join(tmpdir(), 'astl-hang-'));
    const preload = join(dir, 'hang.cjs');
    writeFileSync(
      preload,
      `const http = require('node:http');
const { EventEmitter } = require('node:events');
http.request = () => Object.assign(new EventEmitter(), { setHeader() {}, end() {}, destroy() {} });
`,
    );
    const token = 'hvs.CAESInever-settles-0123456789';
    const r = await runStep('dist/credentials/post/index.js', {
      state: {
        revocation: JSON.stringify({
          version: 1,
          agent: 'vault-bot',
          correlationId: 'c0ffee',
          auditLevel: 'full',
          purpose: 'p',
          policy: 'agent-config.yaml',
          vault: {
            url: 'http://127.0.0.1:9',
            token,
            expiresAt: new Date(Date.now() + 600_000).toISOString(),
          },
        }),
      },
      env: { NODE_OPTIONS: `--require ${preload}` },
      checkCommands: false,
    });
    expect(commandProblems(r.runner)).toEqual([]);
    // A bare `void run()` ended with 0 and said nothing: the token silently stayed valid.
    expect(r.exitCode, r.stdout).toBe(1);
    expect(r.commands.find((c) => c.command === 'error')?.message).toMatch(/stopped before it finished/);
    expect(r.log).not.toContain(token);
  });
});

describe('every entry settles run() through runEntry', () => {
  it('src/actions/<action>/<step>/index.ts call runAction, src/cli/index.ts runEntry; none `void`s a promise', () => {
    const root = join(import.meta.dirname, '../..');
    const actions = join(root, 'src/actions');
    const entries = readdirSync(actions, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(join(actions, d.name), { withFileTypes: true })
          .filter((s) => s.isDirectory() && existsSync(join(actions, d.name, s.name, 'index.ts')))
          .map((s) => join(actions, d.name, s.name, 'index.ts')),
      );
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const file of entries) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).toMatch(/^runAction\(run\);$/m);
      expect(text, file).not.toMatch(/\bvoid\s+\w+\(|^\s*await\b/m);
    }
    const cli = readFileSync(join(root, 'src/cli/index.ts'), 'utf8');
    expect(cli).toMatch(/^runEntry\(main\(/m);
    expect(cli).not.toMatch(/\bvoid\s+\w+\(|^\s*await\b/m);
  });
});

describe('runEntry', () => {
  const fakeProcess = () => new EventEmitter() as EventEmitter & { once: NodeJS.Process['once'] };

  it('hands the value of a settled run() to done, once', async () => {
    const proc = fakeProcess();
    const seen: unknown[] = [];
    runEntry(Promise.resolve(7), { done: (v) => seen.push(v), failed: (e) => seen.push(e) }, proc);
    await new Promise((r) => setImmediate(r));
    proc.emit('beforeExit', 0);
    expect(seen).toEqual([7]);
  });

  it('hands a rejection to failed (never to the unhandled-rejection machinery)', async () => {
    const proc = fakeProcess();
    const seen: string[] = [];
    runEntry(
      Promise.reject(new Error('boom')),
      { done: () => seen.push('done'), failed: (e) => seen.push((e as Error).message) },
      proc,
    );
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['boom']);
  });

  it('fails a run() still pending when the event loop empties (nothing left could settle it)', () => {
    const proc = fakeProcess();
    const seen: string[] = [];
    runEntry(
      new Promise<never>(() => {}),
      { done: () => seen.push('done'), failed: (e) => seen.push((e as Error).message) },
      proc,
    );
    proc.emit('beforeExit', 0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/stopped before it finished/);
  });
});
