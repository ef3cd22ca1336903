import type { ControlDeps } from '../control-deps.js';
import { type Route, route } from '../http/router.js';

/** Health, readiness and metrics. Health and readiness are public so probes need no key. */
export function systemRoutes(deps: ControlDeps): Route[] {
  return [
    route({
      method: 'GET',
      path: '/healthz',
      access: 'public',
      tag: 'system',
      summary: 'Liveness: the process answers.',
      handle: () => ({ json: { status: 'ok' } }),
    }),
    route({
      method: 'GET',
      path: '/readyz',
      access: 'public',
      tag: 'system',
      summary: 'Readiness: 200 while the gateway takes traffic, 503 while it drains.',
      handle() {
        const { ready, detail } = deps.ready();
        return { status: ready ? 200 : 503, json: { status: ready ? 'ready' : 'draining', ...detail } };
      },
    }),
    route({
      method: 'GET',
      path: '/metrics',
      access: 'metrics:read',
      tag: 'system',
      summary: 'Prometheus metrics (scrape with an API key holding metrics:read).',
      async handle() {
        const metrics = await deps.metrics();
        return { text: metrics.body, contentType: metrics.contentType };
      },
    }),
  ];
}
