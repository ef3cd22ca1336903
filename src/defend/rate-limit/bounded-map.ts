/**
 * Adds a new key to a map that holds at most `max`: the oldest key goes first. Counters of clients not seen
 * for the longest time are the ones that matter least, and memory stays bounded under a flood of addresses.
 */
export function boundedSet<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  if (map.size >= max) map.delete(map.keys().next().value as K);
  map.set(key, value);
}
