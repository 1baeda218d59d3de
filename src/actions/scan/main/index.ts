// Entry of dist/scan/main: everything lives in ../main.ts.
import { run } from '../main.js';

// No top-level await: the bundle is CommonJS (scripts/build.mjs); a rejection nobody caught
// fails the step through runner.ts's uncaughtException handler.
void run();
