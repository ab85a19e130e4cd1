import fs from 'node:fs'
import path from 'node:path'

// Templates only print: what a page shows is decided in its presenter (src/presenters), where it is typed
// and tested. A scriptlet may branch on a flag or loop over a list the presenter gave; it may not work
// anything out. The GOV.UK partials keep the logic of the govuk-frontend templates they are ported from.
const VIEWS = path.resolve(__dirname, '../../views')
const PORTED = path.join(VIEWS, 'partials', 'govuk')

const COMPUTING =
  /\b(const|let|var)\s|\.(map|filter|reduce|some|every|find|findIndex|slice|join|toFixed|toLocale\w*|padStart)\(|\bMath\.|\bnew Date\b|\.length\b/

function templates(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return full === PORTED ? [] : templates(full)
    return entry.name.endsWith('.ejs') ? [full] : []
  })
}

/** A loop over a list the presenter gave is printing, not working out. */
const LOOP = /\bfor\s*\(\s*const\s+\w+\s+of\b/g
const computes = (code: string): boolean => COMPUTING.test(code.replace(LOOP, ''))

/** Each scriptlet (`<% … %>`, `<%= … %>`, `<%- … %>`) with the line it starts on. */
function scriptlets(source: string): { line: number; code: string }[] {
  return [...source.matchAll(/<%[=-]?([\s\S]*?)-?%>/g)].map(m => ({
    line: source.slice(0, m.index).split('\n').length,
    code: m[1]!,
  }))
}

it('finds no computation in any template outside the ported GOV.UK partials', () => {
  const computing = templates(VIEWS).flatMap(file =>
    scriptlets(fs.readFileSync(file, 'utf8'))
      // The arguments of an include are the one place a template maps its view model onto a partial's params.
      .filter(s => !/^\s*include\(/.test(s.code) && computes(s.code))
      .map(s => `${path.relative(VIEWS, file)}:${s.line}: ${s.code.trim().slice(0, 100)}`),
  )
  expect(computing).toEqual([])
})

it('tells working out from printing', () => {
  const found = scriptlets(
    "<p><%= rows.map(r => r.name).join(', ') %></p><% if (ready) { %><% for (const row of rows) { %><% const n = rows.length %>",
  )
  expect(found.filter(s => computes(s.code)).map(s => s.code.trim())).toEqual([
    "rows.map(r => r.name).join(', ')",
    'const n = rows.length',
  ])
})
