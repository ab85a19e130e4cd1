import { londonDate } from '../../domain/assessment/round'
import type { Organisation } from '../../domain/organisation'
import { reviewReason } from '../../domain/pipeline/review'
import type { User } from '../../domain/user'
import type { PipelineEntry } from '../../data/pipeline.repository'
import { ownEstate, type OwnEstate } from './estate-home'
import type { HomeDeps } from './home-deps'

type Listed = Awaited<ReturnType<HomeDeps['assessments']['list']>>[number]

export interface RespondentHome {
  organisation: Organisation | undefined
  today: string
  /** This council's assessments in rounds open now, with the comment any was returned with. */
  open: (Listed & { returnComment: string | null })[]
  /** The newest closed round's assessment that has a report (submitted or further), if any. */
  lastReport: Listed | undefined
  /** Open plans whose dates have passed or that nobody has touched for months, with why. */
  dueForReview: { entry: PipelineEntry; categoryName: string; reason: string }[]
  /** The state of the council's own estate register; undefined without an organisation. */
  estate: OwnEstate | undefined
}

const REPORTED = new Set(['submitted', 'in_moderation', 'moderated'])

/** What a respondent's council has to do: this round's assessment, last round's report, plans to review. */
export function respondentHome({ repos, assessments, clock }: HomeDeps) {
  return async function forRespondent(user: User): Promise<RespondentHome> {
    const today = londonDate(clock())
    const organisation =
      user.organisationId === null ? undefined : await repos.organisations.findById(user.organisationId)
    if (!organisation)
      return { organisation, today, open: [], lastReport: undefined, dueForReview: [], estate: undefined }
    const [listed, entries, categories, estate] = await Promise.all([
      assessments.list(user),
      repos.pipeline.list({ organisationId: organisation.id }),
      repos.pipeline.categories(),
      ownEstate(repos, organisation.id, clock),
    ])
    const open = listed.filter(a => a.round.status === 'open')
    const comments = await repos.moderations.returnComments(open.map(a => a.assessment.id))
    const categoryName = new Map(categories.map(c => [c.key, c.name]))
    return {
      organisation,
      today,
      estate,
      open: open.map(a => ({
        ...a,
        returnComment: a.assessment.state === 'returned' ? (comments.get(a.assessment.id) ?? null) : null,
      })),
      lastReport: listed
        .filter(a => a.round.status === 'closed' && REPORTED.has(a.assessment.state))
        .sort((a, b) => b.round.closesOn.localeCompare(a.round.closesOn))[0],
      dueForReview: entries.flatMap(entry => {
        const reason = reviewReason({ ...entry, updatedOn: londonDate(entry.updatedAt) }, today)
        return reason ? [{ entry, categoryName: categoryName.get(entry.categoryKey) ?? entry.categoryKey, reason }] : []
      }),
    }
  }
}
