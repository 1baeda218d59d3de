/**
 * What the committed credentials bundles load (issue 13: "load only what the request needs"):
 * every step's bundle is CommonJS, so Node starts it without its ESM loader, and the post step,
 * which only revokes, carries no minting code at all (providers/revokers.ts). The figures these
 * choices bought are in the README's "Measured" table; this test keeps them from drifting back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/runner.js';

const dist = join(repoRoot, 'dist');
const stepDirs = [
  ...readdirSync(dist, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'cli')
    .flatMap((action) =>
      readdirSync(join(dist, action.name), { withFileTypes: true })
        .filter((s) => s.isDirectory())
        .map((s) => join(action.name, s.name)),
    ),
  'cli',
];

describe('dist bundles', () => {
  it.each(stepDirs)('%s is CommonJS (no ESM loader at start-up)', (dir) => {
    const pkg = JSON.parse(readFileSync(join(dist, dir, 'package.json'), 'utf8')) as { type?: string };
    expect(pkg.type).toBe('commonjs');
    const entry = readFileSync(join(dist, dir, 'index.js'), 'utf8');
    expect(entry).not.toMatch(/^import[\s{*]/m);
    expect(entry).not.toContain('import.meta');
  });

  it('the post step bundle carries no minting code, in one file', () => {
    const files = readdirSync(join(dist, 'credentials/post')).filter((f) => f.endsWith('.js'));
    expect(files).toEqual(['index.js']);
    const post = readFileSync(join(dist, 'credentials/post/index.js'), 'utf8');
    // STS, the Vault login, GitHub's token endpoints and the JWT library are the main step's.
    for (const marker of ['AssumeRoleWithWebIdentity', '/login', '/access_tokens', 'RS256', 'JWTInvalid']) {
      expect(post, marker).not.toContain(marker);
    }
    // What it does need: Vault's revoke-self and GitHub's DELETE /installation/token.
    expect(post).toContain('auth/token/revoke-self');
    expect(post).toContain('installation/token');
  });
});
