#!/usr/bin/env node
// Entry point of the `infinisec` command: runs the compiled CLI, or says how to build it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('infinisec: not built yet: run `npm run build` (or `npm start`) first\n');
  process.exit(1);
}
// A reader that stops early (`infinisec scan ... | head`) closes the pipe: the rest has nowhere to go, and
// that ends the command quietly instead of with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}
const { runCli } = await import(main.href);
process.exitCode = await runCli(process.argv.slice(2));
