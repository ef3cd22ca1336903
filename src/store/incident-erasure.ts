import type { Incident } from '../core/index.js';

/**
 * The incident without this client among its clients; undefined when no client is left, and the incident
 * should go. Its words (title, summary) are left as they are: rewriting them is the erasure's own business.
 * @example withoutClient(incident, '203.0.113.7')
 */
export function withoutClient(incident: Incident, ip: string): Incident | undefined {
  const clients = incident.clients.filter((client) => client !== ip);
  return clients.length === 0 ? undefined : { ...incident, clients };
}
