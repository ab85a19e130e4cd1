/**
 * PostgreSQL cannot store a NUL in text or JSON at all, and half of a UTF-16 surrogate pair (which only a
 * program, never a browser, can send) is not a character: the driver would quietly store U+FFFD instead,
 * and a JSON column refuses it outright. Either would fail a save with a 500, or keep something other than
 * what was sent, so text carrying one is refused wherever it comes in.
 */
// eslint-disable-next-line no-control-regex -- finding a NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export const UNSTORABLE_MESSAGE =
  'has a character that cannot be stored (a NUL, or half of an emoji or other character): retype it rather than pasting it'

export const isStorable = (text: string): boolean => !UNSTORABLE.test(text)

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1')

/** The JSON pointer of the first string (or key) in `value` that cannot be stored, if there is one. */
export function unstorableAt(value: unknown, pointer = '', depth = 0): string | undefined {
  if (typeof value === 'string') return isStorable(value) ? undefined : pointer
  if (value === null || typeof value !== 'object' || depth > 64) return undefined
  for (const [key, inner] of Object.entries(value)) {
    const at = `${pointer}/${escapePointer(key)}`
    if (!isStorable(key)) return at
    const found = unstorableAt(inner, at, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}
