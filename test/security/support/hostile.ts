import fc from 'fast-check'

/** Keys that poison every object in the process if a body is ever merged into one carelessly. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const

/** Text an attacker, or an unlucky paste, sends: markup, SQL, template syntax, formulas and awkward characters. */
export const NASTY_TEXT = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  "' OR '1'='1",
  "Robert'); DROP TABLE users;--",
  '1; SELECT pg_sleep(5)',
  '%s%s%n',
  '${7*7}',
  '{{7*7}}',
  '<%= process.exit() %>',
  '=HYPERLINK("http://example.test","x")',
  '@SUM(1+1)',
  '-2+3',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  '\u0000',
  'nul\u0000inside',
  '\u0007\u001b[31mred',
  '\r\n\r\n',
  '\t',
  ' ',
  '',
  '\u202eevil\u202c',
  '\u200b\u200d\ufeff',
  'Zalgo Z̵̡̢̛̛̛̳̦̰̥̘͖̹͓̞̤̙̹͚̗',
  '🏳️‍🌈 👩🏽‍💻 𝕳𝖆𝖈𝖐𝖓𝖊𝖞',
  'Ω≈ç√∫˜µ≤≥÷ åß∂ƒ©˙∆˚¬',
  '田中さんにあげて下さい',
  'مرحبا بالعالم',
  'lone \ud800 surrogate',
  '\udfff',
  '\\',
  '../../etc/passwd',
]

const controlCharacters = fc
  .array(fc.integer({ min: 0, max: 0x1f }), { minLength: 1, maxLength: 8 })
  .map(codes => String.fromCharCode(...codes))

/** Hostile text that is short enough to be accepted, so what is stored can be read back. */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_TEXT), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), weight: 1 },
  { arbitrary: controlCharacters, weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...NASTY_TEXT), fc.string({ maxLength: 10 }), fc.constantFrom(...NASTY_TEXT))
      .map(parts => parts.join('')),
    weight: 2,
  },
)

/** Far more than any field allows: past every length check, and past the body limits too. */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(201, 2_001, 5_001, 120_000, 1_100_000), fc.constantFrom('x', 'é', '😀', '<', '\u0000'))
  .map(([n, c]) => c.repeat(n))

export const anyText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: nastyText, weight: 6 },
  { arbitrary: hugeText, weight: 1 },
)

/** A JSON value of the wrong type for any field. */
const wrongJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
  fc.array(nastyText, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...POLLUTING_KEYS, 'polluted', 'length'), nastyText, { maxKeys: 2 }),
  fc.jsonValue({ maxDepth: 3 }),
)

/** Any value a JSON body could carry in place of the right one. */
export const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anyText, weight: 3 },
  { arbitrary: wrongJson, weight: 2 },
)

/**
 * Any value a form could carry: text, a field sent several times, or bracketed names that a
 * nested-object parser would turn into objects.
 */
export const formValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anyText, weight: 4 },
  { arbitrary: fc.array(nastyText, { minLength: 2, maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(fc.constantFrom(...POLLUTING_KEYS, 'polluted'), nastyText, { maxKeys: 2 }), weight: 1 },
)

/** A form body as a browser would encode it: repeated names for lists, brackets for nesting. */
export function encodeForm(body: Record<string, unknown>): string {
  const params = new URLSearchParams()
  const add = (name: string, value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) add(name, item)
    else if (value !== null && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) add(`${name}[${key}]`, inner)
    else if (value !== undefined) params.append(name, typeof value === 'string' ? value : JSON.stringify(value))
  }
  for (const [name, value] of Object.entries(body)) add(name, value)
  return params.toString()
}

/** Sets a key as an own, enumerable property, so `__proto__` reaches the wire instead of changing the prototype. */
export function withKey(body: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(body, key, { value, enumerable: true, configurable: true, writable: true })
  return body
}

/** The prototype's own names now, to show no request added to them. */
export const prototypeNames = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort()

/**
 * Text as a browser's form encoding sends it: UTF-8 has no way to write half of a surrogate pair, so each
 * one becomes U+FFFD before it leaves. (JSON can carry one, escaped; the service refuses it.)
 */
export const asFormSendsIt = (text: string): string =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')

/** What EJS's <%= %> turns text into. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c] ?? c)
}
