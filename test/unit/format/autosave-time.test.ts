import fs from 'node:fs'
import path from 'node:path'
import { time } from '../../../src/domain/format/dates'

// The autosave script says "Saved at …" in the browser; it cannot import the server's formatter, so it keeps
// a copy of it. This holds the copy to the same times, summer and winter, midday and midnight.
const source = fs.readFileSync(path.resolve(__dirname, '../../../public/js/autosave.js'), 'utf8')
const body = /\nfunction timeOf\(iso\) \{\n[\s\S]*?\n\}\n/.exec(source)?.[0]
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the script's own function, read from its file
const timeOf = new Function(`${body ?? ''}; return timeOf`)() as (iso: string) => string

it.each([
  '2026-12-06T10:42:00Z',
  '2026-12-06T12:00:00Z',
  '2026-12-06T00:00:00Z',
  '2026-12-06T09:00:00Z',
  '2026-06-06T11:00:00Z',
  '2026-06-06T23:00:00Z',
  '2026-06-06T13:07:00Z',
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:30:00Z',
])('the autosave script writes %s as the server does', iso => {
  expect(body).toBeDefined()
  expect(timeOf(iso)).toBe(time(new Date(iso)))
})

it('says "Saved at 10:42am", not a 24-hour clock', () => {
  expect(timeOf('2026-12-06T10:42:00Z')).toBe('10:42am')
  expect(timeOf('2026-07-01T14:05:00Z')).toBe('3:05pm')
})
