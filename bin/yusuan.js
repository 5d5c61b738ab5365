#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` through `prepare`).
import { main } from '../dist/src/cli.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`yusuan: ${err?.stack ?? err}`); process.exitCode = 70; },
);
