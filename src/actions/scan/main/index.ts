// Entry of dist/scan/main: everything lives in ../main.ts.
import { run } from '../main.js';

await run();
