import { InfinisecError } from '../core/index.js';
import type { JsonValue } from './agent-memory-store.js';

// What every AgentMemoryStore adapter checks the same way before writing, so that they refuse alike.

/** The largest value one key may hold, as JSON text. */
export const MAX_MEMORY_VALUE_CHARS = 1_000_000;
const MAX_NAME_CHARS = 512;

function refuse(component: string, detail: string): never {
  throw new InfinisecError('INFINISEC_ERR_STORE', component, detail);
}

/**
 * The JSON text to store for a value, after checking the agent id and key (1 to 512 characters) and the
 * value (JSON, at most a million characters). Throws INFINISEC_ERR_STORE otherwise.
 */
export function encodeMemoryValue(component: string, agent: string, key: string, value: JsonValue): string {
  if (agent.length === 0 || agent.length > MAX_NAME_CHARS)
    refuse(component, 'an agent id is 1 to 512 characters');
  if (key.length === 0 || key.length > MAX_NAME_CHARS)
    refuse(component, `${agent}: a key is 1 to 512 characters`);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    refuse(component, `${agent}/${key}: the value is not JSON (${(err as Error).message})`);
  }
  if (text === undefined) refuse(component, `${agent}/${key}: the value is not JSON`);
  if (text.length > MAX_MEMORY_VALUE_CHARS)
    refuse(component, `${agent}/${key}: the value is over ${MAX_MEMORY_VALUE_CHARS} characters of JSON`);
  return text;
}

/** Whether an entry expiring at `expires` is still alive at `now`. */
export const aliveAt = (expires: number | null, now: number): boolean => expires === null || expires > now;
