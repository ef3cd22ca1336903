#!/usr/bin/env node
// The baseline of the proxy benchmark: the least a Node reverse proxy has to do. node:http in, node:http out
// through a keep-alive Agent, hop-by-hop headers dropped, X-Forwarded-For appended; no inspection, no logs.
// usage: node bench/proxy/bare-proxy.mjs --upstream http://127.0.0.1:3000 [--host 127.0.0.1] [--port 0]
// Prints `bare-proxy: listening on http://HOST:PORT` once bound; SIGTERM or SIGINT stops it.
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    upstream: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
  },
});
if (!opt.upstream) {
  process.stderr.write('bare-proxy: --upstream http://HOST:PORT is required\n');
  process.exit(2);
}
const upstream = new URL(opt.upstream);
// As many sockets per upstream as infinisec's default (sites[].upstream.connections: 256).
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 256 });

// RFC 9110 §7.6.1, plus the names a Connection header lists.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function withoutHopByHop(headers) {
  const named =
    typeof headers.connection === 'string' ? headers.connection.toLowerCase().split(/\s*,\s*/) : [];
  const out = {};
  for (const name in headers) if (!HOP_BY_HOP.has(name) && !named.includes(name)) out[name] = headers[name];
  return out;
}

const server = http.createServer((req, res) => {
  const headers = withoutHopByHop(req.headers);
  const peer = req.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${peer}` : peer;
  const out = http.request(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.pipe(res);
    },
  );
  out.on('error', () => {
    if (res.headersSent) res.destroy();
    else res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway\n');
  });
  res.on('close', () => {
    if (!res.writableFinished) out.destroy();
  });
  req.pipe(out);
});

server.listen(Number(opt.port), opt.host, () => {
  const { address, port } = server.address();
  process.stdout.write(`bare-proxy: listening on http://${address}:${port}\n`);
});
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
