import { questionnaireSeeds } from '../../../seeds/questionnaires'
import type { Repositories } from '../../data'
import type { QuestionnaireService } from '../admin/questionnaire.service'

/**
 * Publishes the questionnaires in seeds/data that the database does not have yet. A version already
 * there is left alone: once published it can never change, and the seed file must not pretend otherwise.
 */
export async function seedQuestionnaires(repos: Repositories, questionnaires: QuestionnaireService): Promise<string[]> {
  const published: string[] = []
  for (const seed of questionnaireSeeds()) {
    const document = questionnaires.parse(seed.text) as { key: string; version: number }
    if (await repos.questionnaires.find(document.key, document.version)) continue
    await questionnaires.upload(document, null)
    await questionnaires.publish(document.key, document.version, null)
    published.push(`${document.key} v${document.version}`)
  }
  return published
}
