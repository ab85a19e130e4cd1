/** Escapes one reference token of a JSON pointer (RFC 6901). */
export const escapePointerToken = (token: string | number): string =>
  String(token).replace(/~/g, '~0').replace(/\//g, '~1')

export const pointer = (...tokens: (string | number)[]): string => tokens.map(t => `/${escapePointerToken(t)}`).join('')
