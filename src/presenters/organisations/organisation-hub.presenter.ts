import type { Organisation } from '../../domain/organisation'
import { ROLE_LABELS, isCentralRole, type Role } from '../../domain/roles'
import { STATUS_LABELS } from '../../domain/pipeline/entry'
import type { User } from '../../domain/user'
import { paths } from '../../paths'
import type { HubAssessment, HubPipeline } from '../../services/organisations/organisation-hub'
import { dateTime, longDate } from '../../domain/format/dates'
import { govukList } from '../assessments/markup'
import type { SummaryListRow } from '../govuk-params'
import { rowHeader } from '../govuk-params'
import { stateTag } from '../home/home-parts'
import { joinHtml, link, tag, text, type Html } from '../html'
import { formatScore } from '../scores'
import { hubTable, type HubTable } from './hub-table'
import { plural } from '../../domain/format/plurals'

const pipelineHref = (viewer: Role, slug: string) =>
  isCentralRole(viewer) ? `${paths.pipeline}?organisation=${encodeURIComponent(slug)}` : paths.pipeline

/** Its assessments by round: the state as a tag, the overall score once scored, links to open it and its report. */
export function assessmentsTable(assessments: readonly HubAssessment[]): HubTable {
  return hubTable(
    'Assessments by round',
    [{ text: 'Round' }, { text: 'State' }, { text: 'Overall score', format: 'numeric' }, { text: 'Open' }],
    assessments.map(a => [
      rowHeader({ text: a.round.name }),
      { html: tag(stateTag(a.state)) },
      { text: a.scores ? formatScore(a.scores.overall) : 'Not scored yet', format: 'numeric' },
      {
        html: joinHtml(
          [
            link(paths.assessment(a.id), 'Assessment', a.round.name),
            ...(a.scores ? [link(paths.assessmentReport(a.id), 'Report', a.round.name)] : []),
          ],
          text(' · '),
        ),
      },
    ]),
    'It has taken part in no round yet.',
  )
}

/** Each round's borough report and export; a respondent's export holds their own organisation alone. */
export function reportsTable(assessments: readonly HubAssessment[], viewer: Role): HubTable {
  const whose = isCentralRole(viewer) ? 'every organisation' : 'your organisation'
  return hubTable(
    'Reports and exports',
    [{ text: 'Round' }, { text: 'Borough report' }, { text: `Export (${whose})` }],
    assessments.map(a => [
      rowHeader({ text: a.round.name }),
      a.scores
        ? { html: link(paths.assessmentReport(a.id), 'Borough report', a.round.name) }
        : { text: 'When it is submitted' },
      {
        html: joinHtml(
          [
            link(paths.roundExportCsv(a.round.id), 'CSV', `export of ${a.round.name}`),
            link(paths.roundExportXlsx(a.round.id), 'Excel', `export of ${a.round.name}`),
          ],
          text(' · '),
        ),
      },
    ]),
    'There are no reports until it takes part in a round.',
  )
}

/** The pipeline in brief: how many entries, the next few due, and links to the whole of it and the priorities. */
export function pipelineSummary(pipeline: HubPipeline, organisation: Organisation, viewer: Role): SummaryListRow[] {
  const href = pipelineHref(viewer, organisation.slug)
  const next = pipeline.next.map(e =>
    joinHtml([
      link(paths.pipelineEntry(e.id), e.categoryName),
      text(`, ${STATUS_LABELS[e.status].toLowerCase()}, ${longDate(e.due)}`),
    ]),
  )
  const writes = viewer === 'admin' || viewer === 'respondent'
  const prioritiesHref =
    viewer === 'admin'
      ? `${paths.pipelinePriorities}?organisation=${encodeURIComponent(organisation.slug)}`
      : paths.pipelinePriorities
  const priorities = plural(pipeline.priorities, 'service priority', 'service priorities')
  return [
    {
      key: { text: 'Entries' },
      value: {
        html: joinHtml([
          text(`${plural(pipeline.total, 'entry', 'entries')}, ${pipeline.open} still to be bought. `),
          link(href, 'See the whole pipeline', `of ${organisation.name}`),
        ]),
      },
    },
    {
      key: { text: 'Next due' },
      value: next.length === 0 ? { text: 'Nothing dated to come' } : { html: govukList(next) },
    },
    {
      key: { text: 'Service priorities' },
      value: {
        html: joinHtml([
          text(`${priorities}. `),
          writes
            ? link(prioritiesHref, 'Change the priorities', `of ${organisation.name}`)
            : link(href, 'See them with the pipeline'),
        ]),
      },
    },
  ]
}

/**
 * The partnerships it belongs to, each with its members. A respondent may open only their own
 * organisation's page, so for them the other members are names, not links.
 */
export function partnershipRows(
  partnerships: readonly { name: string; members: readonly Organisation[] }[],
  viewer: Role,
): SummaryListRow[] {
  const member = (o: Organisation): Html =>
    viewer === 'respondent' ? text(o.name) : link(paths.organisation(o.slug), o.name)
  return partnerships.map(p => ({ key: { text: p.name }, value: { html: govukList(p.members.map(member)) } }))
}

const signedIn = (u: User): string => {
  if (u.disabled) return 'Account disabled'
  if (u.lastSignedInAt) return `Last signed in ${dateTime(u.lastSignedInAt)}`
  return u.hasPassword ? 'Never signed in' : 'Invited, not signed in yet'
}

/** Its people, for administrators: each links to their page in user administration. */
export function peopleTable(people: readonly User[]): HubTable {
  return hubTable(
    'People',
    [{ text: 'Name' }, { text: 'Role' }, { text: 'Signing in' }],
    people.map(u => [
      rowHeader({ html: link(paths.admin.user(u.id), u.name) }),
      { text: ROLE_LABELS[u.role] },
      { text: signedIn(u) },
    ]),
    'No one has an account for this organisation yet.',
  )
}
