import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { questionnaireCompareView } from '../../../src/presenters/admin/questionnaire-compare.presenter'
import { questionnairePreviewView } from '../../../src/presenters/admin/questionnaire-preview.presenter'
import { questionnairesView } from '../../../src/presenters/admin/questionnaires.presenter'
import { validDefinition } from '../../support/definitions'
import { shown, tagIn } from './cells'

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
    expect(ldm?.caption).toBe('LDM 2 <span class="govuk-caption-m">ldm</span>')
    expect(ldm?.table.head.map(h => h.text)).toEqual(['Version', 'Title', 'Status', 'Published'])
    expect(ldm?.table.rows[0]).toEqual([
      { html: '<a class="govuk-link" href="/admin/questionnaires/ldm/versions/1">Version 1</a>' },
      { text: 'LDM 1' },
      { html: '<strong class="govuk-tag govuk-tag--green">Published</strong>' },
      { text: '10 Jan 2026' },
    ])
    expect(ldm?.table.rows[1]?.[3]).toEqual({ text: '' })
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
      reworded: [{ key: 'd.same', before: 'Old words?', after: 'New words?' }],
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
      dimensions: [dimension, { ...dimension, title: 'Same', added: [], reworded: [], mapped: [] }],
    })
    expect(view.comparison?.totals).toEqual({ added: 1, removed: 0, reworded: 1, mapped: 1, unchanged: 8 })
    const [data, same] = view.comparison?.dimensions ?? []
    expect(data?.rows.map(r => tagIn(r.key))).toEqual([
      { text: 'Added', classes: 'govuk-tag--green' },
      { text: 'Reworded', classes: 'govuk-tag--yellow' },
      { text: 'Mapped', classes: 'govuk-tag--blue' },
    ])
    expect(data?.rows.map(r => shown(r.value))).toEqual([
      'd.new\nNew?',
      'd.same\nWas: Old words?\nNow: New words?',
      'd.old became d.a and d.b\nOld?',
    ])
    expect(data?.rows[2]?.value).toEqual({
      html: '<code>d.old</code> became <code>d.a</code> and <code>d.b</code><br>Old?',
    })
    expect(same?.hasChanges).toBe(false)
  })
})

describe('questionnairePreviewView', () => {
  it('lists the scale, each level by its number and name with what it means', () => {
    const definition = validDefinition() as QuestionnaireDefinition
    const view = questionnairePreviewView({ key: 'pilot', version: 1, title: 'Pilot', status: 'draft', definition })
    expect(view.levels.map(l => [shown(l.key), shown(l.value)])).toEqual([
      ['1: Ad hoc', 'Ad hoc practice'],
      ['2: Emerging', 'Emerging practice'],
      ['3: Defined', 'Defined practice'],
      ['4: Embedded', 'Embedded practice'],
      ['5: Leading', 'Leading practice'],
    ])
    expect(view.levels[0]).toEqual({ key: { text: '1: Ad hoc' }, value: { text: 'Ad hoc practice' } })
  })
})
