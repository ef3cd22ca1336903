import type { Role } from '../core/index.js';

/** Who is calling the control API: a signed-in person or an API key. */
export interface Principal {
  readonly kind: 'user' | 'apikey';
  /** User id or API key id. */
  readonly id: string;
  /** Username, or the key's name. */
  readonly name: string;
  readonly role: Role;
  /** For API keys, the permissions the key is limited to; empty means those of its role. */
  readonly scopes: readonly string[];
  /** Whether this session passed a second factor. */
  readonly mfa: boolean;
}

/** The audit log's name for a principal: `user:alice`, `apikey:3f9c...`. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.name}` : `apikey:${principal.id}`;
}
