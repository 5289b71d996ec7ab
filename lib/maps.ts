/** The map stored under `key` in a map of maps, added empty first when absent. */
export function innerMap<K, K2, V>(maps: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let inner = maps.get(key);
  if (inner === undefined) maps.set(key, (inner = new Map<K2, V>()));
  return inner;
}
