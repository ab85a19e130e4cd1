import type { DimensionComparison } from '../../domain/questionnaire/compare'
import { paths } from '../../paths'
import type { Tag } from './rounds.presenter'

/** One line of a dimension's changes: its tag, the question's key, and the words that follow. */
export type ChangeRow =
  | { kind: 'question'; tag: Tag; key: string; prompt: string }
  | { kind: 'reworded'; tag: Tag; key: string; before: string; after: string }
  | { kind: 'mapped'; tag: Tag; key: string; became: { separator: string; key: string }[]; prompt: string }

export interface DimensionChanges {
  title: string
  hasChanges: boolean
  unchanged: number
  rows: ChangeRow[]
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

function dimensionChanges(d: DimensionComparison): DimensionChanges {
  const rows: ChangeRow[] = [
    ...d.added.map(q => ({ kind: 'question' as const, tag: TAGS.added, key: q.key, prompt: q.prompt })),
    ...d.removed.map(q => ({ kind: 'question' as const, tag: TAGS.removed, key: q.key, prompt: q.prompt })),
    ...d.reworded.map(q => ({ kind: 'reworded' as const, tag: TAGS.reworded, ...q })),
    ...d.mapped.map(m => ({
      kind: 'mapped' as const,
      tag: TAGS.mapped,
      key: m.from.key,
      became: m.to.map((t, i) => ({ separator: i ? ' and ' : '', key: t.key })),
      prompt: m.from.prompt,
    })),
  ]
  return { title: d.title, hasChanges: rows.length > 0, unchanged: d.unchanged, rows }
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
