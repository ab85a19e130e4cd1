import { estateHeadlineView, type EstateHeadlineView } from './estate-home.presenter'
import { STAGE_LABELS, STAGES, type Stage } from '../../domain/home/round-progress'
import type { Organisation } from '../../domain/organisation'
import { paths } from '../../paths'
import type { AnalystHome, RoundProgress } from '../../services/home/analyst-home.service'
import { clusterLinks } from '../insights/cluster-links'
import { ALL_ASSESSMENTS, count, deadline, type CountView } from './home-parts'
import { type Html, joinHtml, link, text } from '../html'
import { plural } from '../../domain/format/plurals'

type Cell = { text: string; header?: boolean } | { html: Html; header?: boolean }

export interface OpenRoundView {
  heading: string
  deadline: string
  counts: CountView[]
  /** The authorities behind each number, by stage. */
  table: { caption: string; head: { text: string }[]; rows: Cell[][]; id: string }
  links: { href: string; text: string }[]
}

export interface HeadlineItem {
  html: Html
  detail: string
}

export interface AnalystHomeView {
  open: OpenRoundView[]
  noOpenRound: string | null
  headline: {
    heading: string
    sharedWeakness: HeadlineItem[]
    sharedWeaknessNone: string | null
    allSharedWeakness: { href: string; text: string }
    geographic: HeadlineItem[]
    geographicNone: string | null
    links: { href: string; text: string }[]
  } | null
  opportunities: HeadlineItem[]
  opportunitiesNone: string | null
  allOpportunities: { href: string; text: string }
  /** Decisions coming that nobody has planned for, when there are any. */
  unplanned: { href: string; text: string } | null
  estate: EstateHeadlineView
  allAssessments: { href: string; text: string }
}

const TONES: Record<Stage, 'attention' | 'done' | undefined> = {
  not_started: 'attention',
  in_progress: undefined,
  submitted: undefined,
  moderated: 'done',
}

const organisationLinks = (organisations: readonly Organisation[]): Html =>
  organisations.length === 0
    ? text('None')
    : joinHtml(
        organisations.map(o => link(paths.organisation(o.slug), o.name)),
        text(', '),
      )

function openRoundView({ round, stages }: RoundProgress, today: string): OpenRoundView {
  const id = `round-${round.id}-authorities`
  const total = STAGES.reduce((n, s) => n + stages[s].length, 0)
  return {
    heading: round.name,
    deadline: `${deadline(round.closesOn, today)}. ${plural(total, 'authority', 'authorities')} taking part.`,
    counts: STAGES.map(s =>
      count(stages[s].length, STAGE_LABELS[s].toLowerCase(), STAGE_LABELS[s].toLowerCase(), `#${id}`, TONES[s]),
    ),
    table: {
      id,
      caption: `${round.name}: authorities by stage`,
      head: [{ text: 'Stage' }, { text: 'Number' }, { text: 'Authorities' }],
      rows: STAGES.map(s => [
        { text: STAGE_LABELS[s], header: true },
        { text: String(stages[s].length) },
        { html: organisationLinks(stages[s]) },
      ]),
    },
    links: [
      { href: paths.heatmap(round.id), text: `Heatmap of ${round.name} so far` },
      { href: paths.calibration(round.id), text: `Calibration for ${round.name}` },
      { href: paths.capabilityGaps(round.id), text: `Capability gaps in ${round.name} so far` },
      { href: paths.roundExportCsv(round.id), text: `Download ${round.name} as CSV` },
    ],
  }
}

const names = (gss: readonly string[], byGss: ReadonlyMap<string, Organisation>): Organisation[] =>
  gss.flatMap(code => byGss.get(code) ?? [])

function headlineView(headline: NonNullable<AnalystHome['headline']>): NonNullable<AnalystHomeView['headline']> {
  const { round, query, organisationsByGss } = headline
  const links = clusterLinks(round.id, query, query.threshold)
  return {
    heading: `${round.name}: the headline`,
    sharedWeakness: headline.sharedWeakness.map(w => ({
      html: link(links.brief({ kind: 'shared', key: w.key }), w.title, 'brief for the shared weakness'),
      detail: `${plural(w.organisations.length, 'authority', 'authorities')} weak together, ${plural(w.buyers, 'separate buyer', 'separate buyers')}, mean score ${w.meanScore.toFixed(2)}`,
    })),
    sharedWeaknessNone:
      headline.sharedWeakness.length === 0 ? 'No shared weakness at the clusters page’s threshold.' : null,
    allSharedWeakness: {
      href: links.clusters(),
      text: `Every cluster in ${round.name}: ${plural(headline.sharedWeaknessCount, 'shared weakness', 'shared weaknesses')}, ${plural(headline.geographicCount, 'geographic cluster', 'geographic clusters')}`,
    },
    geographic: headline.geographic.map(g => {
      const members = names(g.organisations, organisationsByGss)
      return {
        html: link(
          links.brief({ kind: 'geographic', key: g.key, member: g.organisations[0] ?? '' }),
          `${g.title}: ${members.map(m => m.name).join(', ')}`,
          'brief for the geographic cluster',
        ),
        detail: `${plural(members.length, 'neighbouring authority', 'neighbouring authorities')}, mean score ${g.meanScore.toFixed(2)}`,
      }
    }),
    geographicNone: headline.geographic.length === 0 ? 'No neighbouring authorities are weak together.' : null,
    links: [
      { href: links.heatmap(), text: `Heatmap of ${round.name}` },
      { href: paths.londonMap(round.id), text: `Map of ${round.name}` },
      { href: paths.trend(round.id), text: `Trend to ${round.name}` },
    ],
  }
}

/** An analyst's home: open rounds' progress, the last closed round's headline, joint buying ahead. */
export function analystHomeView(home: AnalystHome, today: string): AnalystHomeView {
  return {
    open: home.open.map(r => openRoundView(r, today)),
    noOpenRound: home.open.length === 0 ? 'No assessment round is open.' : null,
    headline: home.headline ? headlineView(home.headline) : null,
    opportunities: home.opportunities.map(d => ({
      html: link(paths.pipelineOpportunity(d.opportunity.category.key), d.opportunity.category.name),
      detail: `${plural(d.opportunity.organisations.length, 'authority', 'authorities')}, ${plural(d.opportunity.buyers, 'separate buyer', 'separate buyers')}`,
    })),
    opportunitiesNone:
      home.opportunities.length === 0
        ? `No two authorities plan the same purchase in the next ${plural(home.opportunityMonths, 'month')}.`
        : null,
    allAssessments: ALL_ASSESSMENTS,
    estate: estateHeadlineView(home.estate),
    allOpportunities: {
      href: paths.pipelineOpportunities,
      text: `Every joint-buying opportunity in the next ${plural(home.opportunityMonths, 'month')}`,
    },
    unplanned:
      home.unplannedCount === 0
        ? null
        : {
            href: `${paths.pipelineOpportunities}#unplanned`,
            text: `${plural(home.unplannedCount, 'category', 'categories')} where contracts end with nobody planning yet`,
          },
  }
}
