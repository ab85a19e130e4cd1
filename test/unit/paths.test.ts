import { fill, paths, patterns, safeReturnPath } from '../../src/paths'
import { allRoutes, describeRoute } from '../support/routes'

describe('return paths after sign-in', () => {
  it.each(['/', '/organisations/hackney', '/admin/users?x=1'])('keeps the local path %s', path => {
    expect(safeReturnPath(path)).toBe(path)
  })

  it.each([undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/ok\r\nSet-Cookie: x', ['/']])(
    'sends %j home instead',
    candidate => {
      expect(safeReturnPath(candidate)).toBe('/')
    },
  )

  it('encodes the parts of a path it is given', () => {
    expect(paths.organisation('a b/c')).toBe('/organisations/a%20b%2Fc')
  })
})

describe('one place for every address', () => {
  const leaves = (tree: object): unknown[] =>
    Object.values(tree).flatMap(v => (v !== null && typeof v === 'object' ? leaves(v as object) : [v]))
  const declared = new Set(leaves({ paths, patterns }).filter(v => typeof v === 'string'))
  const routes = allRoutes()

  it('declares every route from a path or pattern in src/paths.ts', () => {
    const written = routes.filter(r => !declared.has(r.path)).map(describeRoute)
    expect(written).toEqual([])
  })

  it('has no pattern that no route uses', () => {
    const used = new Set(routes.map(r => r.path))
    expect(leaves(patterns).filter(p => !used.has(p as string))).toEqual([])
  })

  // Each link builder fills the pattern of the same name, so a link always reaches its route.
  const builders = (tree: object, prefix = ''): [string, (...args: unknown[]) => string][] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'function'
        ? [[prefix + key, value as (...args: unknown[]) => string]]
        : value !== null && typeof value === 'object'
          ? builders(value as object, `${prefix + key}.`)
          : [],
    )
  const patternAt = (name: string): unknown =>
    name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], patterns)

  it.each(builders(paths))('builds %s from its pattern', (name, build) => {
    const pattern = patternAt(name)
    expect(typeof pattern).toBe('string')
    const shape = new RegExp(`^${(pattern as string).replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}$`)
    const built = build(...Array.from({ length: build.length }, () => 'x y/7'))
    expect(built.split('?')[0]).toMatch(shape)
  })

  it('encodes each value as one segment and refuses the wrong number of values', () => {
    expect(fill(patterns.assessmentTheme, 3, 'a/b')).toBe('/assessments/3/themes/a%2Fb')
    expect(() => fill(patterns.assessmentTheme, 3)).toThrow('takes 2 values, not 1')
  })
})
