import { longDate } from '../../domain/format/dates'
import { allQuestions, type QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import { REASON_MAX, type Erratum } from '../../domain/questionnaire/errata'
import { paths } from '../../paths'
import type { ErratumForm } from '../../services/admin/questionnaires/errata.service'
import type { Table } from '../govuk-params'
import type { CheckView } from './check.presenter'

/** A version's errata, each question by its wording, for its page; the link to record one where one may be. */
export function errataSection(
  loaded: { key: string; version: number; status: string; definition: QuestionnaireDefinition },
  errata: readonly Erratum[],
) {
  const prompts = new Map(allQuestions(loaded.definition).map(l => [l.question.key, l.question.prompt]))
  const supersedes = loaded.definition.supersedes
  const table: Table = {
    head: [{ text: 'Question' }, { text: 'Why it is not comparable' }, { text: 'Recorded' }],
    rows: errata.map(e => [
      { text: prompts.get(e.question) ?? e.question },
      { text: e.reason },
      { text: longDate(e.recordedAt) },
    ]),
  }
  return {
    hasErrata: errata.length > 0,
    errata: table,
    /** Only a published or retired version that supersedes another has questions to declare not comparable. */
    erratumLink:
      loaded.status !== 'draft' && supersedes
        ? {
            href: paths.admin.questionnaireErratumNew(loaded.key, loaded.version),
            text: `Record that a question is not comparable with version ${supersedes.version}`,
          }
        : null,
    noErrata:
      loaded.status !== 'draft' && supersedes
        ? `No erratum: every question that kept its key is compared with version ${supersedes.version}.`
        : null,
  }
}

/** The erratum form: the questions that may be named, what was typed kept. */
export function erratumFormView(form: ErratumForm, values: { question: string; reason: string }) {
  const { key, version } = form.version
  return {
    caption: `${form.version.title}, version ${version}`,
    backHref: paths.admin.questionnaireVersion(key, version),
    action: paths.admin.questionnaireErratumCheck(key, version),
    supersedes: form.supersedes,
    none:
      form.candidates.length === 0 ? 'Every question compared with the version before already has an erratum.' : null,
    questionItems: [
      { value: '', text: 'Choose a question' },
      ...form.candidates.map(c => ({ value: c.key, text: c.prompt, selected: c.key === values.question })),
    ],
    reason: values.reason,
    reasonMaxLength: REASON_MAX,
  }
}

/** What recording the erratum will do, before it is done: it is kept for good. */
export function erratumCheckView(
  checked: ErratumForm & { erratum: { question: string; reason: string; prompt: string } },
) {
  const { key, version } = checked.version
  const view: CheckView = {
    backHref: paths.admin.questionnaireErratumNew(key, version),
    backText: 'Back to the erratum',
    caption: `${checked.version.title}, version ${version}`,
    summary: [
      { key: { text: 'Question' }, value: { text: checked.erratum.prompt } },
      { key: { text: 'Key' }, value: { text: checked.erratum.question } },
      { key: { text: 'Why it is not comparable' }, value: { text: checked.erratum.reason } },
    ],
    explanation: [
      `From now on, no trend, report or carry-over compares this question with version ${checked.supersedes}: the change between rounds on either side leaves it out and says why, with the reason above.`,
    ],
    warning: 'An erratum is kept for good: it cannot be changed or withdrawn.',
    action: paths.admin.questionnaireErrata(key, version),
    hidden: [
      { name: 'question', value: checked.erratum.question },
      { name: 'reason', value: checked.erratum.reason },
    ],
    buttonText: 'Record erratum',
    buttonClasses: 'govuk-button--warning',
    cancelText: 'Cancel',
    refusal: null,
  }
  return view
}
