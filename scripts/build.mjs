#!/usr/bin/env node
// Bundles every action step and the CLI with one `ncc build` per entry (ncc takes a single
// entry): src/actions/<action>/<step>/index.ts -> dist/<action>/<step>/index.js and
// src/cli/index.ts -> dist/cli/index.js. Entries are discovered, so a new step needs no edit
// here. `npm run build -- gate` rebuilds only the entries whose output path contains "gate".
// Type checking is `npm run lint`'s job (tsc --noEmit over the whole tree). The schema
// validators are regenerated first (scripts/schemas.mjs), so a bundle never has stale ones.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

function entries() {
  const found = [];
  const actionsDir = join(root, 'src/actions');
  if (existsSync(actionsDir)) {
    for (const action of readdirSync(actionsDir, { withFileTypes: true })) {
      if (!action.isDirectory()) continue;
      for (const step of readdirSync(join(actionsDir, action.name), { withFileTypes: true })) {
        if (step.isDirectory() && existsSync(join(actionsDir, action.name, step.name, 'index.ts'))) {
          found.push({
            src: `src/actions/${action.name}/${step.name}/index.ts`,
            out: `dist/${action.name}/${step.name}`,
          });
        }
      }
    }
  }
  if (existsSync(join(root, 'src/cli/index.ts'))) found.push({ src: 'src/cli/index.ts', out: 'dist/cli' });
  return found.filter((e) => only.length === 0 || only.some((o) => e.out.includes(o)));
}

execFileSync(process.execPath, [join(root, 'scripts/schemas.mjs')], { cwd: root, stdio: 'inherit' });

for (const entry of entries()) {
  // Build beside the old bundle and swap only on success, so a failed build never leaves a
  // step without its bundle.
  const out = join(root, entry.out);
  const staging = `${out}.building`;
  rmSync(staging, { recursive: true, force: true });
  execFileSync(
    'npx',
    [
      'ncc',
      'build',
      entry.src,
      '-o',
      staging,
      '--minify',
      '--no-source-map-register',
      '--license',
      'licenses.txt',
      '--quiet',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
  console.log(`built ${entry.out}`);
}
