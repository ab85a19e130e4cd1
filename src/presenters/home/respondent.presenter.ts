import { ownEstateView, type OwnEstateView } from './estate-home.presenter'
import { STATUS_LABELS } from '../../domain/pipeline/entry'
import { paths } from '../../paths'
import type { RespondentHome } from '../../services/home/respondent-home.service'
import { SECTION_TAGS } from '../assessments/task-list.presenter'
import { deadline, stateTag } from './home-parts'
import { component, type Html, joinHtml, link, text } from '../html'
import { plural } from '../../domain/format/plurals'

type Cell = { text: string } | { html: Html }

export interface OpenAssessmentView {
  id: string
  roundName: string
  href: string
  summary: { key: { text: string }; value: Cell }[]
  /** What the assessor said when they returned it; null unless it is with the council again. */
  returned: Html | null
  continueText: string
  sections: { caption: string; head: { text: string }[]; rows: Cell[][] }
}

export interface RespondentHomeView {
  /** The caption above the heading: their organisation's short name, if they have one. */
  caption: string
  hasOrganisation: boolean
  officialName: string
  open: OpenAssessmentView[]
  hasOpen: boolean
  lastReport: { href: string; text: string } | null
  review: { count: string; rows: Cell[][]; head: { text: string }[] } | null
  links: { href: string; text: string }[]
  /** The council's own estate register; null without an organisation. */
  estate: OwnEstateView | null
}

const quoted = (comment: string): Html => joinHtml([text('“'), text(comment), text('”')])

function openView(a: RespondentHome['open'][number], today: string): OpenAssessmentView {
  const { completedThemes, totalThemes, themes } = a.progress
  const id = a.assessment.id
  return {
    id: `round-${a.round.id}`,
    roundName: a.round.name,
    href: paths.assessment(id),
    summary: [
      { key: { text: 'Status' }, value: { html: component('tag', stateTag(a.assessment.state)) } },
      { key: { text: 'Deadline' }, value: { text: deadline(a.round.closesOn, today) } },
      { key: { text: 'Progress' }, value: { text: `${completedThemes} of ${plural(totalThemes, 'theme')} completed` } },
    ],
    returned: a.returnComment ? joinHtml([text('The assessor returned it to you: '), quoted(a.returnComment)]) : null,
    continueText: a.assessment.state === 'not_started' ? 'Start the assessment' : 'Go to the assessment',
    sections: {
      caption: `${a.round.name}: themes`,
      head: [{ text: 'Theme' }, { text: 'Status' }],
      rows: themes.map(t => [
        { html: link(paths.assessmentTheme(id, t.theme.key), t.theme.title) },
        { html: component('tag', SECTION_TAGS[t.status]) },
      ]),
    },
  }
}

/** A respondent's home: this round's assessment by theme, last round's report, plans to review. */
export function respondentHomeView(home: RespondentHome): RespondentHomeView {
  const { organisation } = home
  const due = home.dueForReview
  return {
    caption: organisation ? organisation.name : '',
    hasOrganisation: Boolean(organisation),
    officialName: organisation?.officialName ?? '',
    open: home.open.map(a => openView(a, home.today)),
    hasOpen: home.open.length > 0,
    estate: home.estate ? ownEstateView(home.estate) : null,
    lastReport: home.lastReport
      ? {
          href: paths.assessmentReport(home.lastReport.assessment.id),
          text: `Your ${home.lastReport.round.name} report: scores, London’s figures and next steps`,
        }
      : null,
    review:
      due.length === 0
        ? null
        : {
            count: `${plural(due.length, 'plan', 'plans')} in your pipeline ${due.length === 1 ? 'is' : 'are'} due for review`,
            head: [{ text: 'Plan' }, { text: 'Status' }, { text: 'Why' }],
            rows: due.map(d => [
              {
                html: link(
                  paths.pipelineEntry(d.entry.id),
                  d.entry.currentSystem ? `${d.categoryName}: ${d.entry.currentSystem}` : d.categoryName,
                ),
              },
              { text: STATUS_LABELS[d.entry.status] },
              { text: d.reason },
            ]),
          },
    links: organisation
      ? [
          { href: paths.assessments, text: 'All your council’s assessments' },
          { href: paths.pipeline, text: 'Your council’s technology pipeline' },
          { href: paths.organisation(organisation.slug), text: 'Your organisation’s page' },
        ]
      : [],
  }
}
