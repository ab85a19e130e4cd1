/**
 * A record's id from the address. Anything but a positive whole number becomes 0, which no record has,
 * so the service answers "no such …" (404) instead of the database choking on 'abc' or 1e99.
 */
export function positiveId(raw: unknown): number {
  const id = Number(raw)
  return Number.isSafeInteger(id) && id > 0 ? id : 0
}
