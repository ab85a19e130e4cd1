import { shortDate, longDate } from '../../domain/format/dates'
import { plural } from '../../domain/format/plurals'
import type { CapabilityGap, GapSystem } from '../../domain/insights/capability-gaps'
import { paths } from '../../paths'
import type { CapabilityGapsView } from '../../services/insights/capability-gaps.service'
import { rowHeader, type Table, type TableCell } from '../govuk-params'
import { component, element, joinHtml, lineBreak, link, secondaryLine, text, type Html } from '../html'

/** The capability gaps page, finished: views/insights/capability-gaps.ejs only prints it. */
export interface CapabilityGapsPage {
  caption: string
  /** The widest gap in a sentence, or why there is nothing to show. */
  headline: string
  empty: boolean
  table: Table
  apiHref: string
}

const systemWords = (s: GapSystem): string =>
  `${s.name}: ${s.authorities}${s.contractsEndBy ? `, contracts end by ${shortDate(s.contractsEndBy)}` : ''}${s.answeredOnly ? ' (named in answers)' : ''}`

function headline(gap: CapabilityGap): string {
  const top = gap.systems[0]
  const lack = `${plural(gap.lacking.length, 'authority', 'authorities')}, ${plural(gap.buyers, 'buyer')}, lack “${gap.label}” (${gap.areaTitle})`
  if (!top) return `${lack}.`
  const ends = top.contractsEndBy ? `, whose contracts end by ${longDate(top.contractsEndBy)}` : ''
  return `${lack}; ${top.authorities} of them run ${top.name}${ends}.`
}

function row(gap: CapabilityGap, view: CapabilityGapsView): TableCell[] {
  const names = gap.lacking.map(gss => view.organisations.get(gss)?.name ?? gss)
  const who = component('details', {
    summaryText: `Which ${gap.lacking.length === 1 ? 'one' : plural(gap.lacking.length, 'authority', 'authorities')}`,
    text: names.join(', '),
  })
  const act = gap.categories.flatMap(key => {
    const name = view.categoryNames.get(key) ?? key
    return [
      link(paths.pipelineOpportunity(key), `Plans: ${name}`),
      link(paths.estateConcentration(`?category=${encodeURIComponent(key)}`), `Contracts: ${name}`),
    ]
  })
  const systems: Html =
    gap.systems.length === 0
      ? text('None named')
      : joinHtml(
          gap.systems.map(s => text(systemWords(s))),
          lineBreak,
        )
  return [
    rowHeader({ html: joinHtml([text(gap.label), secondaryLine(gap.areaTitle)]) }),
    { html: joinHtml([element('span', text(`${gap.lacking.length} of ${gap.answered}`)), who]), format: 'numeric' },
    { text: String(gap.buyers), format: 'numeric' },
    { html: systems },
    { html: joinHtml(act, lineBreak) },
  ]
}

export function capabilityGapsPage(view: CapabilityGapsView): CapabilityGapsPage {
  const first = view.gaps[0]
  const why = !view.hasChecklists
    ? `${view.round.name} uses a questionnaire without capability checklists, so it shows no capability gaps.`
    : view.scored === 0
      ? 'No authority has handed in an assessment in this round yet, so no capability gaps can be read.'
      : 'Every authority that answered has every capability listed.'
  return {
    caption: view.round.name,
    headline: first ? headline(first) : why,
    empty: !first,
    table: {
      head: [
        { text: 'Capability' },
        { text: 'Authorities lacking it', format: 'numeric' },
        { text: 'Separate buyers', format: 'numeric' },
        { text: 'Systems they run there' },
        { text: 'Plans and contracts' },
      ],
      rows: view.gaps.map(g => row(g, view)),
    },
    apiHref: paths.api.capabilityGaps(view.round.id),
  }
}
