import { MAX_PRIORITIES, priorityField } from '../../domain/pipeline/priorities'
import type { Organisation } from '../../domain/organisation'
import { paths } from '../../paths'
import type { ChoiceItem } from './entry-form.presenter'
import { withOrganisation } from './pipeline.presenter'

/** The type of the priorities form's view model: one select a rank, most important first. */
export interface PrioritiesView {
  caption: string
  backHref: string
  slug: string | undefined
  most: number
  selects: { name: string; label: string; value: string; items: ChoiceItem[] }[]
}

/** The ranks a form offers, 1 to MAX_PRIORITIES. */
export const RANKS = Array.from({ length: MAX_PRIORITIES }, (_, i) => i + 1)

/** The form to rank an organisation's service improvement priorities; values holds each rank's choice. */
export function prioritiesView(
  organisation: Organisation,
  slug: string | undefined,
  areas: readonly { key: string; title: string }[],
  values: readonly string[],
): PrioritiesView {
  const items = [{ value: '', text: 'None' }, ...areas.map(a => ({ value: a.key, text: a.title }))]
  return {
    caption: organisation.name,
    backHref: withOrganisation(paths.pipeline, slug),
    slug,
    most: RANKS.length,
    selects: RANKS.map(rank => ({
      name: priorityField(rank),
      label: `Priority ${rank}${rank === 1 ? ' (most important)' : ''}`,
      value: values[rank - 1] ?? '',
      items,
    })),
  }
}
