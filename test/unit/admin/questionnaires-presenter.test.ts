import { questionnaireCompareView } from '../../../src/presenters/admin/questionnaire-compare.presenter'
import { questionnairesView } from '../../../src/presenters/admin/questionnaires.presenter'

const version = (n: number, status: 'draft' | 'published' | 'retired', publishedAt: Date | null = null) => ({
  key: 'ldm',
  version: n,
  title: `LDM ${n}`,
  status,
  publishedAt,
})

describe('questionnairesView', () => {
  it('groups versions by questionnaire, titled by the newest, and compares the two newest', () => {
    const view = questionnairesView([
      version(1, 'published', new Date('2026-01-10T12:00:00Z')),
      version(2, 'draft'),
      { ...version(1, 'draft'), key: 'other' },
    ])
    expect(view.groups.map(g => g.key)).toEqual(['ldm', 'other'])
    const [ldm, other] = view.groups
    expect(ldm?.title).toBe('LDM 2')
    expect(ldm?.rows[0]).toEqual({
      link: { href: '/admin/questionnaires/ldm/versions/1', text: 'Version 1' },
      title: 'LDM 1',
      tag: { text: 'Published', classes: 'govuk-tag--green' },
      published: '10 Jan 2026',
    })
    expect(ldm?.rows[1]?.published).toBe('')
    expect(ldm?.compare?.text).toBe('Compare version 1 with version 2')
    expect(other?.compare).toBeNull()
  })

  it('says when nothing is uploaded', () => {
    expect(questionnairesView([]).hasVersions).toBe(false)
  })
})

describe('questionnaireCompareView', () => {
  const versions = [
    { version: 1, status: 'published' },
    { version: 2, status: 'draft' },
  ]

  it('offers the versions to pick, and no comparison until two are chosen', () => {
    const view = questionnaireCompareView('ldm', versions, undefined)
    expect(view.versionItems).toEqual([
      { value: 1, text: '1 (published)' },
      { value: 2, text: '2 (draft)' },
    ])
    expect(view.comparison).toBeNull()
  })

  it('adds up the changes and lists a split question with “and” between its new keys', () => {
    const dimension = {
      key: 'd',
      title: 'Data',
      added: [{ key: 'd.new', prompt: 'New?' }],
      removed: [],
      reworded: [],
      mapped: [
        {
          from: { key: 'd.old', prompt: 'Old?' },
          to: [
            { key: 'd.a', prompt: '' },
            { key: 'd.b', prompt: '' },
          ],
        },
      ],
      unchanged: 4,
    }
    const view = questionnaireCompareView('ldm', versions, {
      older: { version: 1 },
      newer: { version: 2 },
      dimensions: [dimension, { ...dimension, title: 'Same', added: [], mapped: [] }],
    })
    expect(view.comparison?.totals).toEqual({ added: 1, removed: 0, reworded: 0, mapped: 1, unchanged: 8 })
    const [data, same] = view.comparison?.dimensions ?? []
    expect(data?.rows.map(r => r.tag.text)).toEqual(['Added', 'Mapped'])
    expect(data?.rows[1]).toMatchObject({
      became: [
        { separator: '', key: 'd.a' },
        { separator: ' and ', key: 'd.b' },
      ],
    })
    expect(same?.hasChanges).toBe(false)
  })
})
