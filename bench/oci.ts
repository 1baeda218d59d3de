/**
 * Tag-to-digest resolution against the real docker-registry on 127.0.0.1: 100 distinct tags in
 * one batch (default concurrency 8; target ≤ 1 s in total), and 100 single resolutions one after
 * another for per-resolution median / p99. Run: `npx tsx bench/oci.ts`.
 */
import { pathToFileURL } from 'node:url';
import { RegistryClient, resolveImages } from '../packages/oci/index.js';
import { registryAvailable, startRegistry } from '../test/support/registry.js';

const COUNT = 100;
const TARGET_MS = 1000;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export async function main(): Promise<number> {
  if (!registryAvailable()) return 0;
  const registry = await startRegistry();
  try {
    const image = await registry.pushIndex('bench/app', 'v0');
    const refs: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      await registry.retag('bench/app', `t${i}`, image.digest);
      refs.push(`${registry.host}/bench/app:t${i}`);
    }
    const options = { dockerConfigPath: '/nonexistent/config.json', env: {} };

    // Warm-up: connection pool and JIT, so the figures are steady-state.
    await resolveImages(refs.slice(0, 10), options);

    const batchStart = performance.now();
    const batch = await resolveImages(refs, options);
    const batchMs = performance.now() - batchStart;
    const failures = batch.filter((r) => r.digest !== image.digest).length;

    const client = new RegistryClient(options);
    const single: number[] = [];
    for (const ref of refs) {
      const start = performance.now();
      const result = await client.resolve(ref);
      single.push(performance.now() - start);
      if (result.digest !== image.digest)
        throw new Error(`wrong digest for ${ref}: ${JSON.stringify(result.error)}`);
    }
    single.sort((a, b) => a - b);

    const rows = [
      [
        'batch of 100 tags (concurrency 8)',
        `${batchMs.toFixed(1)} ms`,
        batchMs <= TARGET_MS ? 'met (≤ 1 s)' : 'MISSED (> 1 s)',
      ],
      ['per resolution, median (sequential)', `${percentile(single, 50).toFixed(2)} ms`, ''],
      ['per resolution, p99 (sequential)', `${percentile(single, 99).toFixed(2)} ms`, ''],
      ['per resolution, max (sequential)', `${single[single.length - 1]!.toFixed(2)} ms`, ''],
      ['failed resolutions in batch', String(failures), failures === 0 ? 'ok' : 'FAIL'],
    ];
    const width = Math.max(...rows.map((r) => r[0]!.length));
    console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(10)}  target`);
    for (const [name, value, note] of rows)
      console.log(`${name!.padEnd(width)}  ${value!.padStart(10)}  ${note}`);
    return failures === 0 && batchMs <= TARGET_MS ? 0 : 1;
  } finally {
    await registry.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
