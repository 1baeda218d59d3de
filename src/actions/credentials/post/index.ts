// Entry of dist/credentials/post (post-if: always()): everything lives in ../post.ts.
import { run } from '../post.js';

// No top-level await: the bundle is CommonJS (scripts/build.mjs); a rejection nobody caught
// fails the step through runner.ts's uncaughtException handler.
void run();
