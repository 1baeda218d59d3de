// Entry of dist/credentials/main: everything lives in ../main.ts.
import { run } from '../main.js';

await run();
