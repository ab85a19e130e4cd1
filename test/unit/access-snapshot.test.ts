/**
 * The route table held to a reviewed list of who may use each route (test/security/access-snapshot.txt).
 * The authorisation matrix derives what it expects from the same declarations the guard enforces, so a
 * route declared too broadly passes it; this test does not, because the list is written down apart from
 * the code and changed only on purpose, in a commit a reviewer reads. It sits in the unit project so
 * `npm test` catches a change, and the security suite runs it too.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ROLES } from '../../src/domain/roles'
import { allRoutes, type RouteSummary } from '../support/routes'

const SNAPSHOT = path.resolve(__dirname, '..', 'security', 'access-snapshot.txt')
const UPDATE = 'UPDATE_ACCESS_SNAPSHOT=1 npx jest test/unit/access-snapshot.test.ts --selectProjects unit'

const HEADER = `# Who may use each route: method, path, and the roles allowed (or public, for no sign-in).
# Reviewed by hand: the route table must match it line for line (test/unit/access-snapshot.test.ts).
# After a change to a route's access has been reviewed, rewrite this file with
#   ${UPDATE}
# and commit it with the change, so the reviewer sees both.
`

/** "METHOD path" → its access, written as a reviewer reads it: roles in their usual order, or public. */
type Access = Map<string, string>

const accessOf = (route: RouteSummary): string =>
  route.access === 'public' ? 'public' : ROLES.filter(r => route.access.includes(r)).join(' ') || '(nobody)'

function current(): Access {
  const access: Access = new Map()
  for (const route of allRoutes()) {
    const key = `${route.method.toUpperCase()} ${route.path}`
    // A second declaration of the same method and path is never reached; it is listed so it is seen.
    const seen = access.get(key)
    access.set(key, seen === undefined ? accessOf(route) : `${seen} | ${accessOf(route)}`)
  }
  return access
}

/** Sorted by path, then method, so a route moved within the table changes nothing here. */
function render(access: Access): string {
  const rows = [...access].map(([key, roles]) => {
    const [method = '', routePath = ''] = key.split(' ')
    return { method, routePath, roles }
  })
  rows.sort((a, b) => a.routePath.localeCompare(b.routePath, 'en') || a.method.localeCompare(b.method, 'en'))
  const methodWidth = Math.max(...rows.map(r => r.method.length))
  const pathWidth = Math.max(...rows.map(r => r.routePath.length))
  const lines = rows.map(r => `${r.method.padEnd(methodWidth)}  ${r.routePath.padEnd(pathWidth)}  ${r.roles}`)
  return `${HEADER}\n${lines.join('\n')}\n`
}

/** Whitespace between the columns does not matter; comments and blank lines are skipped. */
function parse(text: string): Access {
  const access: Access = new Map()
  for (const line of text.split('\n')) {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    const [method = '', routePath = '', ...roles] = trimmed.split(/\s+/)
    access.set(`${method} ${routePath}`, roles.join(' '))
  }
  return access
}

/** Every difference, one line each, as a reviewer would want to read it. */
function differences(reviewed: Access, actual: Access): string[] {
  const lines: string[] = []
  for (const [key, roles] of actual) {
    const before = reviewed.get(key)
    if (before === undefined) lines.push(`  added:   ${key}  ${roles}`)
    else if (before !== roles) lines.push(`  changed: ${key}  ${before}  ->  ${roles}`)
  }
  for (const [key, roles] of reviewed) if (!actual.has(key)) lines.push(`  removed: ${key}  ${roles}`)
  return lines
}

it('holds every route to the reviewed list of who may use it', () => {
  const actual = current()
  if (process.env.UPDATE_ACCESS_SNAPSHOT === '1') {
    fs.writeFileSync(SNAPSHOT, render(actual))
    return
  }
  const reviewed = parse(fs.readFileSync(SNAPSHOT, 'utf8'))
  const found = differences(reviewed, actual)
  if (found.length > 0) {
    throw new Error(
      `The route table no longer matches the reviewed access list (${path.relative(process.cwd(), SNAPSHOT)}):\n` +
        `${found.join('\n')}\n\n` +
        'If the change is meant, have it reviewed for who may now do what, then rewrite the list with\n' +
        `  ${UPDATE}\n` +
        'and commit it with the change.',
    )
  }
})

it('reads back the list it writes', () => {
  const actual = current()
  expect(parse(render(actual))).toEqual(actual)
  expect(differences(parse(render(actual)), actual)).toEqual([])
})

it('names every kind of difference', () => {
  const reviewed: Access = new Map([
    ['GET /a', 'admin'],
    ['GET /b', 'analyst admin'],
  ])
  const actual: Access = new Map([
    ['GET /b', 'respondent analyst admin'],
    ['POST /c', 'public'],
  ])
  expect(differences(reviewed, actual)).toEqual([
    '  changed: GET /b  analyst admin  ->  respondent analyst admin',
    '  added:   POST /c  public',
    '  removed: GET /a  admin',
  ])
})
