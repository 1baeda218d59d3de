#!/usr/bin/env node
// Builds every action step and the CLI: tsc compiles the TypeScript once into build/, then one
// `ncc build` per entry (ncc takes a single entry) bundles it into dist/<action>/<step>/.
// Entries are discovered, so a new step needs no edit here: src/actions/<action>/<step>/index.ts
// and src/cli/index.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

function entries() {
  const found = [];
  const actionsDir = join(root, 'src/actions');
  if (!existsSync(actionsDir)) return found;
  for (const action of readdirSync(actionsDir, { withFileTypes: true })) {
    if (!action.isDirectory()) continue;
    for (const step of readdirSync(join(actionsDir, action.name), { withFileTypes: true })) {
      if (step.isDirectory() && existsSync(join(actionsDir, action.name, step.name, 'index.ts'))) {
        found.push({
          src: `src/actions/${action.name}/${step.name}/index.js`,
          out: `dist/${action.name}/${step.name}`,
        });
      }
    }
  }
  if (existsSync(join(root, 'src/cli/index.ts'))) found.push({ src: 'src/cli/index.js', out: 'dist/cli' });
  return found.filter((e) => only.length === 0 || only.some((o) => e.out.includes(o)));
}

rmSync(join(root, 'build'), { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
for (const entry of entries()) {
  rmSync(join(root, entry.out), { recursive: true, force: true });
  execFileSync(
    'npx',
    [
      'ncc',
      'build',
      join('build', entry.src),
      '-o',
      entry.out,
      '--minify',
      '--no-source-map-register',
      '--license',
      'licenses.txt',
      '--quiet',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  console.log(`built ${entry.out}`);
}
