/**
 * `npm run bench`: runs every benchmark script in bench/ one after another (they measure wall
 * time, so never in parallel) and prints their tables. `npm run bench -- gate scan` runs a subset.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const all = ['credentials', 'gate', 'oci', 'secrets', 'scan', 'cli'];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : all;
let failed = 0;
for (const name of wanted) {
  const file = join(here, `${name}.ts`);
  if (!existsSync(file)) {
    console.log(`\n## ${name}: no benchmark (bench/${name}.ts missing)`);
    continue;
  }
  console.log(`\n## ${name}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
