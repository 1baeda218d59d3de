/**
 * `astl` on a Node older than package.json's engines: a usage error naming both versions (the
 * HTTP client needs process.getBuiltinModule, Node 20.16+), not a confusing failure later.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exit.js';
import { nodeVersionCheck } from '../../src/cli/main.js';

describe('nodeVersionCheck', () => {
  it('accepts the engines floor and anything newer', () => {
    for (const v of ['20.19.0', 'v20.20.2', '22.0.0', '24.11.1'])
      expect(() => nodeVersionCheck(v, '>=20.19')).not.toThrow();
  });

  it('refuses an older Node with both versions and the fix', () => {
    for (const v of ['20.15.1', '18.20.4', 'v16.0.0']) {
      let err: unknown;
      try {
        nodeVersionCheck(v, '>=20.19');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UsageError);
      expect((err as Error).message).toBe(`astl needs Node.js 20.19 or newer; this is Node.js ${v}`);
    }
  });

  it('checks the running Node against package.json by default', () => {
    expect(() => nodeVersionCheck(process.versions.node)).not.toThrow();
  });
});
