import type { EntryContext } from '../../domain/pipeline/entry'
import { SERVICES_DIMENSION } from '../../domain/pipeline/priorities'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import type { Repositories } from '../../data'
import type { QuestionnaireService } from '../admin/questionnaire.service'

/** The questionnaire every London authority answers; its newest published version names the maturity areas. */
export const LONDON_QUESTIONNAIRE = 'london-digital-maturity'

export interface AreaOption {
  key: string
  title: string
}

/** The lists pipeline entries and priorities are checked against and chosen from. */
export function pipelineOptions(repos: Repositories, questionnaires: QuestionnaireService) {
  async function latest(): Promise<QuestionnaireDefinition | undefined> {
    const published = (await questionnaires.list())
      .filter(v => v.key === LONDON_QUESTIONNAIRE && v.status === 'published')
      .sort((a, b) => a.version - b.version)
    const newest = published.at(-1)
    return newest && (await questionnaires.get(newest.key, newest.version)).definition
  }

  async function dimensions() {
    return ((await latest())?.dimensions ?? []).map(d => ({
      key: d.key,
      title: d.title,
      themes: d.themes.map(t => ({ key: t.key, title: t.title })),
    }))
  }

  /** Every dimension and theme key with its title: what an entry may say it addresses. */
  function titles(all: Awaited<ReturnType<typeof dimensions>>): Map<string, string> {
    const addressable = new Map<string, string>()
    for (const d of all) {
      addressable.set(d.key, d.title)
      for (const t of d.themes) addressable.set(t.key, t.title)
    }
    return addressable
  }

  return {
    async entryContext(): Promise<EntryContext> {
      const [categories, all] = await Promise.all([repos.pipeline.categories(), dimensions()])
      return { categories, addressable: titles(all) }
    },

    /** The themes of the services dimension: the service areas boroughs assess, key → title. */
    async serviceAreas(): Promise<Map<string, string>> {
      const services = (await dimensions()).find(d => d.key === SERVICES_DIMENSION)
      return new Map((services?.themes ?? []).map(t => [t.key, t.title]))
    },

    async forForms() {
      const [categories, all] = await Promise.all([repos.pipeline.categories(), dimensions()])
      const services = all.find(d => d.key === SERVICES_DIMENSION)
      return {
        categories,
        dimensions: all,
        serviceAreas: (services?.themes ?? []) as AreaOption[],
        areaTitles: titles(all),
      }
    },
  }
}
