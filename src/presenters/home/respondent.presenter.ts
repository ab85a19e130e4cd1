import type { RoundStatus } from '../../domain/assessment/round'
import { STATE_LABELS, type AssessmentState } from '../../domain/assessment/workflow'
import { paths } from '../../paths'

interface ListedAssessment {
  assessment: { id: number; state: AssessmentState }
  round: { name: string; closesOn: string; status: RoundStatus }
  progress: { completedThemes: number; totalThemes: number }
}

export interface OpenAssessment {
  roundName: string
  href: string
  /** Its state, progress and closing date, after the round's name. */
  summary: string
}

export interface RespondentHomeView {
  /** The caption above the heading: their organisation's short name, if they have one. */
  caption: string
  hasOrganisation: boolean
  officialName: string
  open: OpenAssessment[]
  hasOpen: boolean
  assessmentsHref: string
  organisationHref: string
}

/** A 'YYYY-MM-DD' date as people write it, whatever the server's time zone. */
const closingDate = (iso: string): string =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })

/** A respondent's home page: their organisation and the assessments open now. */
export function respondentHomeView(
  organisation: { name: string; officialName: string; slug: string } | undefined,
  assessments: readonly ListedAssessment[],
): RespondentHomeView {
  const open = assessments.filter(a => a.round.status === 'open')
  return {
    caption: organisation ? organisation.name : '',
    hasOrganisation: Boolean(organisation),
    officialName: organisation?.officialName ?? '',
    open: open.map(a => ({
      roundName: a.round.name,
      href: paths.assessment(a.assessment.id),
      summary: `${STATE_LABELS[a.assessment.state].toLowerCase()}, ${a.progress.completedThemes} of ${a.progress.totalThemes} sections completed. Closes ${closingDate(a.round.closesOn)}.`,
    })),
    hasOpen: open.length > 0,
    assessmentsHref: paths.assessments,
    organisationHref: organisation ? paths.organisation(organisation.slug) : '',
  }
}
