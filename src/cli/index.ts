#!/usr/bin/env node
// The `astl` command. Kept tiny so `astl --version` starts fast: each verb is loaded on demand.
import { main } from './main.js';

// No top-level await: the bundle is CommonJS (scripts/build.mjs). A rejection reaches io.ts's
// uncaughtException handler.
void main(process.argv.slice(2), process.env).then((code) => {
  process.exitCode = code;
});
