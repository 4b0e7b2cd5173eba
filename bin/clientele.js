#!/usr/bin/env node
// Runs the compiled CLI (dist/cli), compiling src/ first when the build is missing or older
// than a source, so a checkout never runs stale code and never pays tsx's compile at each run.
import { ensureCliBuilt } from '../scripts/cli-build.js';

// Said on a terminal only: scripts reading stderr see what the command itself says.
const entry = await ensureCliBuilt({ log: (line) => { if (process.stderr.isTTY) process.stderr.write(`${line}\n`); } });
await import(entry);
