import type { SubmitProblem } from '../../domain/assessment/progress'
import { paths } from '../../paths'
import type { AssessmentView } from '../../services/assessments/view-assessment.service'
import type { FormErrors } from '../form-errors'
import { fieldId } from './answer.presenter'

export const DECLARATION_MESSAGE = 'Confirm the declaration to submit the assessment'

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

type Counts = Record<SubmitProblem['kind'], number>

const countKinds = (problems: readonly SubmitProblem[]): Counts => ({
  missing: problems.filter(p => p.kind === 'missing').length,
  'carried-over': problems.filter(p => p.kind === 'carried-over').length,
  'evidence-missing': problems.filter(p => p.kind === 'evidence-missing').length,
})

/** "3 questions not answered, 1 answer to confirm": what a theme still needs, in one line. */
function themeNeeds(counts: Counts): string {
  return [
    counts.missing > 0 ? `${plural(counts.missing, 'question', 'questions')} not answered` : '',
    counts['carried-over'] > 0 ? `${plural(counts['carried-over'], 'answer', 'answers')} to confirm` : '',
    counts['evidence-missing'] > 0
      ? `evidence needed for ${plural(counts['evidence-missing'], 'question', 'questions')}`
      : '',
  ]
    .filter(Boolean)
    .join(', ')
}

/** The whole of what is missing, in sentences above the list of themes. */
function description(counts: Counts): string {
  return [
    counts.missing > 0 ? `You have not answered ${plural(counts.missing, 'question', 'questions')}.` : '',
    counts['carried-over'] > 0
      ? `${plural(counts['carried-over'], 'answer', 'answers')} carried over from the last round ${counts['carried-over'] === 1 ? 'needs' : 'need'} confirming or changing.`
      : '',
    counts['evidence-missing'] > 0
      ? `${plural(counts['evidence-missing'], 'question needs', 'questions need')} evidence.`
      : '',
  ]
    .filter(Boolean)
    .join(' ')
}

/**
 * Why an assessment cannot be submitted yet, for the check page's error summary: one link per theme
 * with something missing (to its first such question; evidence alone in the question's own words), in the page's
 * order, then the declaration when
 * it was not confirmed. Both are said at once, so nobody fixes one only to be told of the other.
 */
export function submitErrors(
  view: AssessmentView,
  problems: readonly SubmitProblem[],
  declarationConfirmed: boolean,
): FormErrors {
  const { id } = view.assessment
  const themes = view.definition.dimensions.flatMap(d => d.themes)
  const summary = themes.flatMap(theme => {
    const inTheme = problems.filter(p => p.themeKey === theme.key)
    const first = inTheme[0]
    if (!first) return []
    const href = `${paths.assessmentTheme(id, theme.key)}#${fieldId(first.questionKey)}`
    // Evidence alone is said in the question's own words, which name it and the levels that need it.
    const needs =
      inTheme.length === 1 && first.kind === 'evidence-missing' ? first.message : themeNeeds(countKinds(inTheme))
    return [{ text: `${theme.title}: ${needs}`, href }]
  })
  const fields: Record<string, string> = {}
  if (!declarationConfirmed) {
    summary.push({ text: DECLARATION_MESSAGE, href: '#declaration' })
    fields.declaration = DECLARATION_MESSAGE
  }
  return { summary, fields, ...(problems.length > 0 ? { description: description(countKinds(problems)) } : {}) }
}
