/**
 * `npm run bench`: runs every benchmark script in bench/ one after another (they measure wall
 * time, so never in parallel) and prints their tables. `npm run bench -- gate scan` runs a subset;
 * options and counts are passed on (`npm run bench -- credentials --quick`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const all = ['credentials', 'gate', 'oci', 'secrets', 'scan', 'cli'];
// Names pick benchmarks; options and counts (`--quick`, `10`) go to each one picked.
const args = process.argv.slice(2);
const isOption = (a: string) => a.startsWith('-') || /^\d+$/.test(a);
const names = args.filter((a) => !isOption(a));
const options = args.filter(isOption);
const wanted = names.length ? names : all;
let failed = 0;
for (const name of wanted) {
  const file = join(here, `${name}.ts`);
  if (!existsSync(file)) {
    console.log(`\n## ${name}: no benchmark (bench/${name}.ts missing)`);
    continue;
  }
  console.log(`\n## ${name}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...options], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
