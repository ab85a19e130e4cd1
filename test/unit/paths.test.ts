import { paths, safeReturnPath } from '../../src/routes/paths'

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
