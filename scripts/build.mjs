#!/usr/bin/env node
// Bundles every action step and the CLI with one ncc build per entry (ncc takes a single entry):
// src/actions/<action>/<step>/index.ts -> dist/<action>/<step>/index.js and src/cli/index.ts ->
// dist/cli/index.js. Entries are discovered, so a new step needs no edit here. `npm run build --
// gate` rebuilds only the entries whose output path contains "gate". Type checking is `npm run
// lint`'s job (tsc --noEmit over the whole tree). The schema validators are regenerated first
// (scripts/schemas.mjs), so a bundle never has stale ones.
//
// Bundles are CommonJS (ncc's `esm: false`, with a package.json saying so beside them), although
// the sources are ESM: Node 20 starts a CommonJS entry without its ESM loader, about 13 ms less per
// process on 2 cores (Node 22+ start both alike; issue 13). Nothing in the sources relies on
// ESM-only semantics: no import.meta, and the entries settle run() with runEntry instead of a
// top-level await (packages/core/entry.ts).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ncc from '@vercel/ncc';

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
  const { code, assets } = await ncc(join(root, entry.src), {
    // No persistent cache (~/.cache/ncc, keyed by the entry's path, not by `esm`): a cached ESM
    // build of the same path was handed back as the CommonJS one, so dist/ depended on the machine.
    cache: false,
    esm: false,
    minify: true,
    sourceMapRegister: false,
    license: 'licenses.txt',
    quiet: true,
  });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'index.js'), code);
  // The CLI's shebang entry is executable, as ncc's own CLI writes it.
  if (code.startsWith('#!')) chmodSync(join(staging, 'index.js'), 0o755);
  for (const [name, asset] of Object.entries(assets)) {
    mkdirSync(dirname(join(staging, name)), { recursive: true });
    writeFileSync(join(staging, name), asset.source);
  }
  // The repository's package.json says "module"; this one makes Node read the bundle as CommonJS.
  writeFileSync(join(staging, 'package.json'), '{\n  "type": "commonjs"\n}\n');
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
  console.log(`built ${entry.out}`);
}
