// Entry of dist/gate/main: everything lives in ../main.ts.
import { runAction } from '../../runner.js';
import { run } from '../main.js';

// No top-level await: the bundle is CommonJS (scripts/build.mjs). runAction fails the step when
// run() rejects or never settles, whatever NODE_OPTIONS says (packages/core/entry.ts).
runAction(run);
