import type { DimensionComparison } from '../../domain/questionnaire/compare'
import { paths } from '../../paths'
import type { Tag } from './rounds.presenter'
import type { SummaryListRow } from '../govuk-params'
import { code, type Html, joinHtml, lineBreak, tag, text } from '../html'
import { plural } from '../../domain/format/plurals'

export interface DimensionChanges {
  title: string
  hasChanges: boolean
  unchanged: number
  /** "3 questions", "1 other question": how many stayed as they were. */
  unchangedText: string
  otherUnchangedText: string
  /** One row a change: its tag as the key; the question's key and what became of it as the value. */
  rows: SummaryListRow[]
}

export interface ComparisonView {
  older: number
  newer: number
  totals: { added: number; removed: number; reworded: number; mapped: number; unchanged: number }
  dimensions: DimensionChanges[]
}

export interface QuestionnaireCompareView {
  key: string
  action: string
  versionItems: { value: number; text: string }[]
  /** Null until two different versions are chosen. */
  comparison: ComparisonView | null
}

const TAGS = {
  added: { text: 'Added', classes: 'govuk-tag--green' },
  removed: { text: 'Removed', classes: 'govuk-tag--red' },
  reworded: { text: 'Reworded', classes: 'govuk-tag--yellow' },
  mapped: { text: 'Mapped', classes: 'govuk-tag--blue' },
}

const change = (status: Tag, value: Html): SummaryListRow => ({ key: { html: tag(status) }, value: { html: value } })

/** A question added or removed: its key, and its prompt beneath. */
const question = (tag: Tag, q: { key: string; prompt: string }): SummaryListRow =>
  change(tag, joinHtml([code(q.key), text(q.prompt)], lineBreak))

function dimensionChanges(d: DimensionComparison): DimensionChanges {
  const rows: SummaryListRow[] = [
    ...d.added.map(q => question(TAGS.added, q)),
    ...d.removed.map(q => question(TAGS.removed, q)),
    ...d.reworded.map(q =>
      change(TAGS.reworded, joinHtml([code(q.key), text(`Was: ${q.before}`), text(`Now: ${q.after}`)], lineBreak)),
    ),
    // A question split in two or more: "d.old became d.a and d.b", then its prompt.
    ...d.mapped.map(m =>
      change(
        TAGS.mapped,
        joinHtml([
          code(m.from.key),
          text(' became '),
          joinHtml(
            m.to.map(t => code(t.key)),
            text(' and '),
          ),
          lineBreak,
          text(m.from.prompt),
        ]),
      ),
    ),
  ]
  return {
    title: d.title,
    hasChanges: rows.length > 0,
    unchanged: d.unchanged,
    unchangedText: plural(d.unchanged, 'question'),
    otherUnchangedText: plural(d.unchanged, 'other question'),
    rows,
  }
}

/** The compare page: the version pickers, and what changed from one to the other once both are chosen. */
export function questionnaireCompareView(
  key: string,
  versions: readonly { version: number; status: string }[],
  comparison: { older: { version: number }; newer: { version: number }; dimensions: DimensionComparison[] } | undefined,
): QuestionnaireCompareView {
  const sum = (count: (d: DimensionComparison) => number): number =>
    (comparison?.dimensions ?? []).reduce((total, d) => total + count(d), 0)
  return {
    key,
    action: paths.admin.questionnaireCompare(key),
    versionItems: versions.map(v => ({ value: v.version, text: `${v.version} (${v.status})` })),
    comparison: comparison
      ? {
          older: comparison.older.version,
          newer: comparison.newer.version,
          totals: {
            added: sum(d => d.added.length),
            removed: sum(d => d.removed.length),
            reworded: sum(d => d.reworded.length),
            mapped: sum(d => d.mapped.length),
            unchanged: sum(d => d.unchanged),
          },
          dimensions: comparison.dimensions.map(dimensionChanges),
        }
      : null,
  }
}
