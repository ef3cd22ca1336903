#!/usr/bin/env node
// The demo app (dist/forge/demo) in a process of its own, so that it can be pinned to a CPU apart from the
// load generator. usage: node bench/proxy/demo-upstream.mjs [--port 0]
// Prints `demo-upstream: listening on http://HOST:PORT` once bound; SIGTERM or SIGINT stops it.
import { parseArgs } from 'node:util';
import { startDemoApp } from '../../dist/forge/demo/index.js';

const { values: opt } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
const app = await startDemoApp({ port: Number(opt.port) });
process.stdout.write(`demo-upstream: listening on ${app.url}\n`);
const stop = () => {
  setTimeout(() => process.exit(0), 2000).unref();
  void app.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
