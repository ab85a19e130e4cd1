import type { DefinitionError, Finding } from './validation-result'

const unescapeToken = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~')
const isIndex = (token: string | undefined): token is string => token !== undefined && /^(0|[1-9]\d{0,8})$/.test(token)
const child = (node: unknown, token: string): unknown =>
  typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[token] : undefined

/** The lists a place is made of, each numbered from 1 for people: what follows each in the format. */
const NESTED: Record<string, Record<string, string>> = {
  '': { dimensions: 'Dimension' },
  Dimension: { themes: 'theme' },
  theme: { questions: 'question' },
  question: { options: 'option' },
  Scale: { levels: 'level' },
}

interface Place {
  /** "Dimension 2, theme 1, question 3", or nothing for the top of the document. */
  words: string[]
  /** The tokens after the place: the field, such as ["levels", "5"]. */
  rest: string[]
  /** The question the place is in or at, when there is one, and where it is in `words`. */
  question?: { found: unknown; word: number }
}

function placeOf(tokens: readonly string[], document: unknown): Place {
  const words: string[] = []
  let node = document
  let kind = ''
  let question: Place['question']
  let i = 0
  if (tokens[0] === 'scale' || tokens[0] === 'supersedes') {
    kind = tokens[0] === 'scale' ? 'Scale' : 'Supersedes'
    words.push(kind)
    node = child(node, tokens[0])
    i = 1
  }
  for (;;) {
    const noun = NESTED[kind]?.[tokens[i] ?? '']
    const index = tokens[i + 1]
    if (!noun || !isIndex(index)) break
    node = child(child(node, tokens[i] as string), index)
    words.push(`${noun} ${Number(index) + 1}`)
    kind = noun
    if (noun === 'question') question = { found: node, word: words.length - 1 }
    i += 2
  }
  // A keyMap's names are question keys, quoted as keys are everywhere else.
  if (kind === 'Supersedes' && tokens[i] === 'keyMap' && tokens[i + 1] !== undefined) {
    words.push('keyMap')
    return { words, rest: [`“${tokens[i + 1]}”`, ...tokens.slice(i + 2)], question }
  }
  return { words, rest: tokens.slice(i), question }
}

/** The field after a place, in words: "level 5", "showIf value 2", "weight". */
function fieldWords(rest: readonly string[]): string {
  const words: string[] = []
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as string
    const next = rest[i + 1]
    if (token === 'levels' && next !== undefined) {
      words.push(`level ${next}`)
      i++
    } else if (token === 'values' && isIndex(next)) {
      words.push(`value ${Number(next) + 1}`)
      i++
    } else words.push(isIndex(token) ? `item ${Number(token) + 1}` : token)
  }
  return words.join(' ')
}

const tokensOf = (pointer: string): string[] => (pointer === '' ? [] : pointer.split('/').slice(1).map(unescapeToken))

/** Where a pointer is, in words starting in lower case: "dimension 1, theme 2", for use inside a sentence. */
export function placeInWords(pointer: string): string {
  const words = placeOf(tokensOf(pointer), undefined).words.join(', ')
  return words === '' ? 'the questionnaire' : words.charAt(0).toLowerCase() + words.slice(1)
}

/** One problem as a sentence that starts with where it is, numbered from 1 as people count. */
export function inPlainWords(found: Finding, document: unknown): DefinitionError {
  const tokens = tokensOf(found.pointer)
  const { words, rest, question } = placeOf(tokens, document)
  const key = child(question?.found, 'key')
  // A question is easier to find by its key than by counting; not repeated when the key is what is wrong.
  if (question && typeof key === 'string' && key.length <= 100 && !(rest[0] === 'key' && rest.length === 1))
    words[question.word] = `${words[question.word] ?? ''} (${key})`
  const place = words.length > 0 ? words.join(', ') : tokens.length > 0 ? 'Questionnaire' : 'The definition'
  const field = fieldWords(rest)
  const message = found.clause
    ? `${place}: ${found.message}`
    : field === ''
      ? `${place} ${found.message}`
      : `${place}: ${field} ${found.message}`
  return { pointer: found.pointer, message }
}
