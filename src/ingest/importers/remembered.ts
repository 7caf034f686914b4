/**
 * `fn` with its answers kept by argument, forgotten all at once when `max` are held. A dataset
 * names a few hundred actors, countries and publishers a million times over, so each is worked out
 * once per import instead of once per row; the bound keeps a file of all-different names from
 * growing the map without end.
 */
export function remembered<V>(fn: (key: string) => V, max = 10_000): (key: string) => V {
  const kept = new Map<string, V>();
  return (key) => {
    let v = kept.get(key);
    if (v === undefined && !kept.has(key)) {
      if (kept.size >= max) kept.clear();
      v = fn(key);
      kept.set(key, v);
    }
    return v as V;
  };
}
