/**
 * A local demo of the credentials flow's counterparts: `npx tsx test/servers/demo.ts` starts the
 * sandbox (OIDC issuer, STS, Vault on 127.0.0.1), prints the env a step needs, and serves until
 * Ctrl-C. Kept apart from sandbox.ts so importing or bundling the sandbox never starts it.
 */
import { startSandbox } from './sandbox.js';

export async function main(): Promise<void> {
  const sandbox = await startSandbox();
  for (const [k, v] of Object.entries(sandbox.env)) console.log(`export ${k}=${v}`);
  console.log(
    `# role ARN: ${sandbox.roleArn}; Vault role: ${sandbox.vaultRole} (aud ${sandbox.vaultAudience})`,
  );
  console.log('# Ctrl-C to stop');
  process.on('SIGINT', () => void sandbox.close().then(() => process.exit(0)));
}

void main();
