/**
 * The CLI image as far as it can be checked without a container engine: the Containerfile's
 * shape, the templates' entrypoint override, and the image's layout rebuilt in a temp folder
 * (dist/cli alone, no node_modules, no package.json above it) running real commands.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from './gcl.js';

const containerfile = readFileSync(join(repoRoot, 'gitlab/Containerfile'), 'utf8');
const instructions = containerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .filter((l) => l.trim() && !l.trim().startsWith('#'));

describe('gitlab/Containerfile', () => {
  it('is node:24-alpine with git, the CLI bundle, and astl as entrypoint', () => {
    expect(instructions[0]).toBe('FROM node:24-alpine');
    expect(instructions).toContain('COPY dist/cli/ /opt/astl/');
    expect(instructions.some((l) => /^RUN apk add --no-cache .*\bgit\b/.test(l))).toBe(true);
    expect(instructions).toContain('ENTRYPOINT ["astl"]');
  });

  it('every component overrides the entrypoint, as GitLab needs a shell', () => {
    for (const file of readdirSync(join(repoRoot, 'gitlab/templates'))) {
      const [, jobs] = parseAllDocuments(readFileSync(join(repoRoot, 'gitlab/templates', file), 'utf8'));
      for (const [name, job] of Object.entries(jobs!.toJS() as Record<string, { image?: unknown }>)) {
        expect(job.image, `${file} ${name}`).toEqual({ name: '$[[ inputs.image ]]', entrypoint: [''] });
      }
    }
  });

  it('the bundle runs alone, as laid out in the image', () => {
    const root = mkdtempSync(join(tmpdir(), 'astl-image-'));
    cpSync(join(repoRoot, 'dist/cli'), join(root, 'opt/astl'), { recursive: true });
    mkdirSync(join(root, 'usr/local/bin'), { recursive: true });
    symlinkSync(join(root, 'opt/astl/index.js'), join(root, 'usr/local/bin/astl'));
    const work = mkdtempSync(join(tmpdir(), 'astl-image-work-'));
    writeFileSync(
      join(work, 'agent-config.yaml'),
      'agents:\n  - name: bot\n    type: t\n    owner: o\n    purpose: p\n    max-ttl: 1h\n',
    );
    const astl = (...args: string[]) =>
      spawnSync(join(root, 'usr/local/bin/astl'), args, {
        cwd: work,
        encoding: 'utf8',
        env: { PATH: `${join(root, 'usr/local/bin')}:${process.env.PATH}` },
      });
    expect(astl('--version').status).toBe(0);
    const list = astl('agents', 'list', '--format', 'json');
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)[0].name).toBe('bot');
    const scan = astl('scan', '--format', 'codequality');
    expect(scan.status, scan.stderr).toBe(0);
    expect(JSON.parse(scan.stdout)).toEqual([]);
  });
});
