import fs from 'node:fs'
import path from 'node:path'

// Prose people read uses the curly apostrophe: "council’s", not "council's". This looks at the words of every
// template (its text between tags) and at the strings that presenters, routes, services and the domain write, and names
// each straight apostrophe between letters. Code, HTML attribute syntax and JSON are not prose and are skipped.
const ROOT = path.resolve(__dirname, '../..')
const STRAIGHT = /[A-Za-z]\\?'[A-Za-z]/

function files(dir: string, ending: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return files(full, ending)
    return entry.name.endsWith(ending) ? [full] : []
  })
}

/** Blanks what matches, keeping its line breaks so line numbers still count true. */
const blank = (source: string, pattern: RegExp): string =>
  source.replace(pattern, match => match.replace(/[^\n]/g, ' '))

/** The words of a template: what is left once scriptlets, comments and tags are taken out. */
const templateWords = (source: string): string =>
  blank(blank(blank(source, /<%[\s\S]*?%>/g), /<!--[\s\S]*?-->/g), /<[^>]*>/g)

/** The strings of a template's scriptlets (include parameters such as a button's text) and of TypeScript. */
function stringsOf(source: string): string {
  const code = blank(source, /\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm)
  const strings = [...code.matchAll(/"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`|'(?:[^'\\\n]|\\.)*'/g)]
  let kept = code.replace(/[^\n]/g, ' ')
  for (const m of strings) kept = kept.slice(0, m.index) + m[0] + kept.slice(m.index + m[0].length)
  return kept
}

function straight(text: string): { line: number; words: string }[] {
  return text.split('\n').flatMap((line, i) => (STRAIGHT.test(line) ? [{ line: i + 1, words: line.trim() }] : []))
}

it('finds no straight apostrophe in the words of any template', () => {
  const found = files(path.join(ROOT, 'views'), '.ejs').flatMap(file => {
    const source = fs.readFileSync(file, 'utf8')
    const scriptlets = [...source.matchAll(/<%[\s\S]*?%>/g)].map(m => m[0]).join('\n')
    return [...straight(templateWords(source)), ...straight(stringsOf(scriptlets)).map(f => ({ ...f, line: 0 }))].map(
      f => `${path.relative(ROOT, file)}:${f.line || '(scriptlet)'}: ${f.words.slice(0, 100)}`,
    )
  })
  expect(found).toEqual([])
})

it('finds no straight apostrophe in the strings presenters, routes, services and the domain write', () => {
  const found = ['src/presenters', 'src/routes', 'src/services', 'src/domain'].flatMap(dir =>
    files(path.join(ROOT, dir), '.ts').flatMap(file =>
      straight(stringsOf(fs.readFileSync(file, 'utf8'))).map(
        f => `${path.relative(ROOT, file)}:${f.line}: ${f.words.slice(0, 100)}`,
      ),
    ),
  )
  expect(found).toEqual([])
})

it('tells prose from code', () => {
  const template = `<p class='lede'>Your council's answers</p>\n<%= view.name %>\n<p>Your council’s answers</p>`
  expect(straight(templateWords(template)).map(f => f.line)).toEqual([1])
  const ts = [
    "// the council's own comment",
    "const a = `the council's answers`",
    "const b = { 'data-x': 'y' }",
    'const c = "the borough\'s level"',
    'const d = `the council’s answers`',
  ].join('\n')
  expect(straight(stringsOf(ts)).map(f => f.line)).toEqual([2, 4])
})
