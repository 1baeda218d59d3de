#!/usr/bin/env node
// The `astl` command. Kept tiny so `astl --version` starts fast: each verb is loaded on demand.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2), process.env);
