interface PublishedVersion {
  key: string
  version: number
  title: string
}

export interface Choice {
  id?: string
  value: string
  text: string
  hint?: string
}

export interface RoundFormView {
  hasPublished: boolean
  /** The radios for each published version: the first takes the field's own id, so the error summary links to it. */
  questionnaireItems: Choice[]
  /** With no version published: the fieldset's hint, and its error when there is one. */
  questionnaireDescribedBy: string
  questionnaireGroupClasses: string
  organisationItems: Choice[]
  organisationsHint: string
}

/** The form that creates a round, from the published versions and every organisation. */
export function roundFormView(
  published: readonly PublishedVersion[],
  organisations: readonly { slug: string; name: string }[],
  questionnaireError: boolean,
): RoundFormView {
  return {
    hasPublished: published.length > 0,
    questionnaireItems: published.map((v, i) => ({
      id: i === 0 ? 'questionnaire' : `questionnaire-${i}`,
      value: `${v.key}@${v.version}`,
      text: `${v.title}, version ${v.version}`,
      hint: v.key,
    })),
    questionnaireDescribedBy: `questionnaire-hint${questionnaireError ? ' questionnaire-error' : ''}`,
    questionnaireGroupClasses: `govuk-form-group${questionnaireError ? ' govuk-form-group--error' : ''}`,
    organisationItems: organisations.map(o => ({ value: o.slug, text: o.name })),
    organisationsHint: `Each one ticked gets an assessment to fill in. All ${organisations.length} are ticked to begin with.`,
  }
}
