/** How many values one store keeps: past it the oldest goes, so odd queries cannot fill memory. */
const KEPT = 64

/**
 * A value made once per key and then reused. The store belongs to whatever the value is made from (a
 * round's memo, dropped when the round's data changes), and the value must depend on nothing else.
 */
export async function kept<T>(store: Map<string, T>, key: string, make: () => T | Promise<T>): Promise<T> {
  if (store.has(key)) return store.get(key) as T
  const value = await make()
  if (store.size >= KEPT) store.delete(store.keys().next().value ?? '')
  store.set(key, value)
  return value
}
