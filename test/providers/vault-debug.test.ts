// Vault clients that use the `debug` package print request bodies (the JWT) when DEBUG names them; ours must not.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Sandbox } from '../servers/sandbox.js';

let sb: Sandbox;
beforeAll(async () => {
  process.env.DEBUG = '*';
  const { startSandbox } = await import('../servers/sandbox.js');
  sb = await startSandbox();
});
afterAll(async () => {
  delete process.env.DEBUG;
  await sb.close();
});

it('DEBUG=* does not make the Vault client print the JWT or the Vault token', async () => {
  const { Deadline } = await import('../../packages/core/index.js');
  const { vaultJwtLogin, readKvSecret } = await import('../../packages/providers/index.js');
  const jwt = await sb.issuer.mintGitHubToken({ audience: 'vault' });
  const written: string[] = [];
  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    written.push(String(chunk));
    return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  try {
    const login = await vaultJwtLogin({
      url: sb.vaultUrl,
      role: sb.vaultRole,
      jwt,
      deadline: new Deadline(5000),
    });
    await readKvSecret({
      url: sb.vaultUrl,
      token: login.clientToken,
      path: 'secret/data/ci/deploy',
      key: 'token',
      deadline: new Deadline(5000),
    });
    const text = written.join('');
    expect(text).not.toContain(jwt.split('.')[1]);
    expect(text).not.toContain(login.clientToken);
  } finally {
    process.stderr.write = original;
  }
});
