import type { AnswerContent } from './assessment/answer'
import { STATE_LABELS, type AssessmentState } from './assessment/workflow'
import type { Organisation } from './organisation'
import { allQuestions, type QuestionnaireDefinition } from './questionnaire/definition'
import { questionType } from './questionnaire/types'
import { score } from './scoring'
import type { CellValue } from './spreadsheet-safe'

/** One assessment as an export sees it. */
export interface ExportedAssessment {
  organisation: Pick<Organisation, 'gss' | 'name'>
  state: AssessmentState
  answers: ReadonlyMap<string, AnswerContent>
  moderatedLevels: ReadonlyMap<string, number>
}

export interface ExportSource {
  definition: QuestionnaireDefinition
  assessments: readonly ExportedAssessment[]
}

/** A sheet: a header row and rows of cells in the same order. */
export interface Table {
  headers: string[]
  rows: CellValue[][]
}

export const ANSWER_HEADERS = [
  'GSS code',
  'Organisation',
  'State',
  'Dimension',
  'Theme',
  'Question key',
  'Question',
  'Self level',
  'Moderated level',
  'Final level',
  'Not applicable',
  'Value',
  'Evidence',
]

const yesNo = (flag: boolean): string => (flag ? 'Yes' : 'No')

/** Two decimals, as every page shows scores, so a spreadsheet agrees with the screen to the last digit. */
const twoDecimals = (value: number | null): number | null => (value === null ? null : Number(value.toFixed(2)))

/** One row per assessment and question, in questionnaire order, whether answered or not. */
export function answersTable(source: ExportSource): Table {
  const questions = allQuestions(source.definition)
  const rows = source.assessments.flatMap(a =>
    questions.map(({ question, dimension, theme }): CellValue[] => {
      const answer = a.answers.get(question.key)
      const notApplicable = answer?.notApplicable ?? false
      // Each type says which cells its answer fills (src/domain/questionnaire/types).
      const { self, moderated, value } = questionType(question).exportCells(
        question,
        answer,
        a.moderatedLevels.get(question.key),
      )
      // As in the scoring rule: "not applicable" has no final level, whatever was moderated.
      const final = notApplicable ? null : (moderated ?? self)
      return [
        a.organisation.gss,
        a.organisation.name,
        STATE_LABELS[a.state],
        dimension.title,
        theme.title,
        question.key,
        question.prompt,
        self,
        moderated,
        final,
        yesNo(notApplicable),
        value,
        answer?.evidence ?? null,
      ]
    }),
  )
  return { headers: ANSWER_HEADERS, rows }
}

/** One row per assessment: overall scores on both bases, coverage, and each dimension's final score. */
export function scoresTable(source: ExportSource): Table {
  const { definition } = source
  const headers = [
    'GSS code',
    'Organisation',
    'State',
    'Moderation complete',
    'Overall (self)',
    'Overall (final)',
    'Coverage (%)',
    ...definition.dimensions.map(d => `${d.title} (final)`),
  ]
  const rows = source.assessments.map((a): CellValue[] => {
    const self = score(definition, { answers: a.answers, basis: 'self' })
    const final = score(definition, { answers: a.answers, moderatedLevels: a.moderatedLevels, basis: 'final' })
    return [
      a.organisation.gss,
      a.organisation.name,
      STATE_LABELS[a.state],
      yesNo(a.state === 'moderated'),
      twoDecimals(self.overall),
      twoDecimals(final.overall),
      twoDecimals(final.coverage * 100),
      ...final.dimensions.map(d => twoDecimals(d.score)),
    ]
  })
  return { headers, rows }
}

/** A file name part that is safe in any header or file system: lower-case letters, digits and hyphens. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
}
