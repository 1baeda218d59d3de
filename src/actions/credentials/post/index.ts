// Entry of dist/credentials/post (post-if: always()): everything lives in ../post.ts.
import { run } from '../post.js';

await run();
