#!/usr/bin/env node
// The `astl` command. Kept tiny so `astl --version` starts fast: each verb is loaded on demand.
import { runEntry } from '../../packages/core/entry.js';
import { exitInternal } from './io.js';
import { main } from './main.js';

// No top-level await: the bundle is CommonJS (scripts/build.mjs). runEntry ends astl with exit 3
// when main() rejects or never settles, whatever NODE_OPTIONS says (packages/core/entry.ts).
runEntry(main(process.argv.slice(2), process.env), {
  done: (code) => {
    process.exitCode = code;
  },
  failed: (err) => exitInternal(err),
});
