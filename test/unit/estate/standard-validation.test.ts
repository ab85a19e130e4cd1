import fs from 'node:fs'
import path from 'node:path'
import { validateStandard } from '../../../src/domain/estate/standard-validation'

const shipped = (file: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../../seeds/data/standards', file), 'utf8'))

const standard = (overrides: Record<string, unknown> = {}) => ({
  key: 'example',
  version: 1,
  title: 'An example standard',
  source: 'Made up for tests',
  points: [
    { key: 'first', title: 'First point', description: 'The first.' },
    { key: 'second', title: 'Second point', description: 'The second.' },
  ],
  ...overrides,
})

const messages = (input: unknown): string[] => {
  const result = validateStandard(input)
  return result.valid ? [] : result.errors.map(e => e.message)
}

describe('a standard’s document', () => {
  it.each([
    ['local-government-digital-service-standard.json', 'lgdss', 15],
    ['technology-code-of-practice.json', 'tcop', 13],
  ])('%s, as shipped, passes every check with its points', (file, key, count) => {
    const result = validateStandard(shipped(file))
    expect(result.errors).toEqual([])
    if (!result.valid) return
    expect(result.definition.key).toBe(key)
    expect(result.definition.version).toBe(1)
    expect(result.definition.points).toHaveLength(count)
    expect(result.definition.source).toMatch(/20(16|21)/)
  })

  it('accepts a small standard', () => {
    expect(validateStandard(standard()).valid).toBe(true)
  })

  it('names the point, by number and key, whose title is missing', () => {
    const points = [
      { key: 'first', title: 'First', description: '' },
      { key: 'second', title: 'Second', description: '' },
      { key: 'open-standards', description: '' },
    ]
    expect(messages(standard({ points }))).toEqual(['Point 3 (key “open-standards”): title is missing'])
  })

  it('refuses a point key used twice, naming both places', () => {
    const points = [
      { key: 'same', title: 'One', description: '' },
      { key: 'same', title: 'Two', description: '' },
    ]
    expect(messages(standard({ points }))).toEqual(['Point 2: key is the same as point 1’s key'])
  })

  it('refuses a title used twice, whatever its case', () => {
    const points = [
      { key: 'one', title: 'Be open', description: '' },
      { key: 'two', title: 'be OPEN ', description: '' },
    ]
    expect(messages(standard({ points }))).toEqual(['Point 2 (key “two”): title is the same as point 1’s title'])
  })

  it('refuses keys that are not slugs, a version below 1 and overlong text, listing every problem at once', () => {
    const points = [{ key: 'Open Standards', title: 'x'.repeat(201), description: 'y'.repeat(2001) }]
    expect(messages(standard({ key: 'Bad Key', version: 0, source: 's'.repeat(1001), points }))).toEqual(
      expect.arrayContaining([
        'Key must be lower-case letters, digits and hyphens, starting with a letter, like “open-standards”',
        'Version must be 1 or more',
        'Source must be 1000 characters or fewer',
        'Point 1: key must be lower-case letters, digits and hyphens, starting with a letter, like “open-standards”',
        'Point 1 (key “Open Standards”): title must be 200 characters or fewer',
        'Point 1 (key “Open Standards”): description must be 2000 characters or fewer',
      ]),
    )
  })

  it('needs between 1 and 100 points', () => {
    expect(messages(standard({ points: [] }))).toEqual(['Points must have at least 1 item'])
    const many = Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, title: `Point ${i}`, description: '' }))
    expect(messages(standard({ points: many }))).toEqual(['Points must have no more than 100 items'])
  })

  it('refuses fields the format does not have, and says what is missing', () => {
    const { title: _title, ...untitled } = standard({ colour: 'red' })
    expect(messages(untitled)).toEqual(
      expect.arrayContaining(['The standard: “colour” is not a field of a standard', 'Title is missing']),
    )
    expect(messages('not an object')).toEqual(['The standard must be an object, in { }'])
  })

  it('refuses a version that is not a whole number', () => {
    expect(messages(standard({ version: 1.5 }))).toEqual(['Version must be a whole number'])
  })
})
