import fs from 'node:fs'
import path from 'node:path'

// People read dates as "6 December 2026" (src/domain/format/dates.ts), never as 2026-12-06. This scans the
// code that writes what people see for the ways an ISO date slips through, and names each place. Inputs,
// exports, API JSON and the datetime attribute of <time> keep machine dates: those are listed below.
const ROOT = path.resolve(__dirname, '../..')
const SCANNED = ['views', 'src/presenters', 'src/services', 'src/routes', 'public/js']

/** Each way a machine date reaches the page, with what it looks like. */
const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'a day cut from an ISO timestamp', pattern: /toISOString\(\)\s*\.(slice|substring|substr|split)\(/ },
  { name: 'an ISO timestamp written out', pattern: /toISOString\(\)/ },
  {
    name: 'a date field printed raw into a sentence',
    pattern: /\$\{[\w.?!]*\.(\w+On|\w+At|due|contractEnd|plannedStart)\}/,
  },
  { name: 'a date written YYYY-MM-DD', pattern: /(?<![\w/-])\d{4}-\d{2}-\d{2}(?![\w/-])/ },
]

/** Where a machine date is right: each entry is a file and a piece of its line, and why. */
const ALLOWED: { file: string; line: string; why: string }[] = [
  {
    file: 'src/services/account/tokens/create-token.service.ts',
    line: 'expiresAt: expiresAt.toISOString()',
    why: 'audit record JSON',
  },
  {
    file: 'src/services/account/tokens/revoke-token.service.ts',
    line: 'revokedAt: at.toISOString()',
    why: 'audit record JSON',
  },
  { file: 'src/routes/api/assessments.routes.ts', line: 'updatedAt: a.updatedAt.toISOString()', why: 'API JSON' },
  { file: 'src/routes/api/assessments.routes.ts', line: 'savedAt: saved.savedAt.toISOString()', why: 'API JSON' },
  {
    file: 'src/routes/api/assessments.routes.ts',
    line: 'updatedAt: error.current.updatedAt.toISOString()',
    why: 'API JSON',
  },
  { file: 'src/routes/api/pipeline.routes.ts', line: 'updatedAt: e.updatedAt.toISOString()', why: 'API JSON' },
  { file: 'src/routes/api/standards.routes.ts', line: 'since: p.since?.toISOString()', why: 'API JSON' },
  {
    file: 'src/routes/api/rounds.routes.ts',
    line: 'Enter a real date as YYYY-MM-DD, like 2027-03-01',
    why: 'API input format',
  },
  {
    file: 'src/presenters/pipeline/import.presenter.ts',
    line: 'as 2028-03-31 or 31/03/2028',
    why: 'the CSV import’s input formats',
  },
  {
    file: 'src/presenters/pipeline/import.presenter.ts',
    line: 'as 2027-04-01 or 01/04/2027',
    why: 'the CSV import’s input formats',
  },
  {
    file: 'src/presenters/estate/entry.presenter.ts',
    line: 'as 2028-03-31 or 31/03/2028',
    why: 'the estate import’s input formats',
  },
]

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return files(full)
    return /\.(ts|ejs|js)$/.test(entry.name) ? [full] : []
  })
}

/** What each rule finds in some source text, as "line: rule: code". */
function findings(source: string): { line: number; rule: string; code: string }[] {
  return source.split('\n').flatMap((code, i) => {
    // A <time datetime="…"> attribute is for machines; the text inside the element is checked like any other.
    const shown = code.replace(/datetime="[^"]*"/g, '')
    const rule = RULES.find(r => r.pattern.test(shown))
    return rule ? [{ line: i + 1, rule: rule.name, code: code.trim() }] : []
  })
}

it('finds no code that shows people a date as YYYY-MM-DD, outside inputs, exports and API JSON', () => {
  const used = new Set<(typeof ALLOWED)[number]>()
  const found = SCANNED.flatMap(dir => files(path.join(ROOT, dir))).flatMap(file => {
    const relative = path.relative(ROOT, file)
    return findings(fs.readFileSync(file, 'utf8'))
      .filter(f => {
        const allowed = ALLOWED.find(a => a.file === relative && f.code.includes(a.line))
        if (allowed) used.add(allowed)
        return !allowed
      })
      .map(f => `${relative}:${f.line}: ${f.rule}: ${f.code.slice(0, 120)}`)
  })
  expect(found).toEqual([])
  // An entry that no longer matches anything would let the next slip through unnoticed: keep the list exact.
  expect(ALLOWED.filter(a => !used.has(a)).map(a => `${a.file}: ${a.line}`)).toEqual([])
})

it('tells a date shown to people from one kept for machines', () => {
  const source = [
    'const day = new Date().toISOString().slice(0, 10)',
    'text: `${r.name} (opened ${r.opensOn})`,',
    '<p>Closes 2026-12-06</p>',
    'const when = at.toISOString()',
    '<time datetime="2026-12-06">6 December 2026</time>',
    'text: `${r.name} (opened ${longDate(r.opensOn)})`,',
    'href: paths.assessment(a.id)',
  ].join('\n')
  expect(findings(source).map(f => [f.line, f.rule])).toEqual([
    [1, 'a day cut from an ISO timestamp'],
    [2, 'a date field printed raw into a sentence'],
    [3, 'a date written YYYY-MM-DD'],
    [4, 'an ISO timestamp written out'],
  ])
})
