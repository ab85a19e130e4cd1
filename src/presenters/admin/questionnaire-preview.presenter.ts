import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import { paths } from '../../paths'
import { questionView, type QuestionView } from '../assessments/answer.presenter'
import type { SummaryListRow } from '../govuk-params'
import { plural } from '../../domain/format/plurals'

export interface PreviewTheme {
  /** The section heading's id: the theme's key, its dots made safe for an id. */
  id: string
  title: string
  /** Each question as a respondent sees it, unanswered. */
  questions: QuestionView[]
}

export interface PreviewDimension {
  id: string
  href: string
  title: string
  description: string
  /** For the contents: how many sections it has. */
  sections: string
  themes: PreviewTheme[]
}

export interface QuestionnairePreviewView {
  backHref: string
  backText: string
  notice: string
  title: string
  description: string
  /** The scale: each level's number and name, and what it means. */
  levels: SummaryListRow[]
  dimensions: PreviewDimension[]
}

/** A version shown as respondents will see it, with nothing saved. */
export function questionnairePreviewView(loaded: {
  key: string
  version: number
  title: string
  status: string
  definition: QuestionnaireDefinition
}): QuestionnairePreviewView {
  const { definition } = loaded
  return {
    backHref: paths.admin.questionnaireVersion(loaded.key, loaded.version),
    backText: `Back to version ${loaded.version}`,
    notice: `This is a preview of version ${loaded.version} (${loaded.status}) as respondents will see it. Nothing you choose here is saved.`,
    title: loaded.title,
    description: definition.description,
    levels: definition.scale.levels.map(l => ({
      key: { text: `${l.value}: ${l.name}` },
      value: { text: l.summary },
    })),
    dimensions: definition.dimensions.map(d => ({
      id: `dimension-${d.key}`,
      href: `#dimension-${d.key}`,
      title: d.title,
      description: d.description,
      sections: `(${plural(d.themes.length, 'theme')})`,
      themes: d.themes.map(t => ({
        id: `theme-${t.key.replace(/\./g, '__')}`,
        title: t.title,
        questions: t.questions.map(q => questionView(q, undefined, { scale: definition.scale, idPrefix: 'preview' })),
      })),
    })),
  }
}
