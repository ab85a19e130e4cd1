import { questionnaireErrataSeeds, questionnaireSeeds } from '../../../seeds/questionnaires'
import { ValidationError } from '../../domain/errors'
import type { Repositories } from '../../data'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { publishShipped } from '../publish-shipped'

/**
 * Publishes the questionnaires in seeds/data that the database does not have yet, and records the errata
 * shipped against them, safe at every start and from several processes starting at once. A version
 * already published is left alone: it can never change, and the seed file must not pretend otherwise.
 */
export async function seedQuestionnaires(repos: Repositories, questionnaires: QuestionnaireService): Promise<string[]> {
  const published: string[] = []
  for (const seed of questionnaireSeeds()) {
    const document = questionnaires.parse(seed.text) as { key: string; version: number }
    const shipped = await publishShipped(document, {
      stored: () => repos.questionnaires.find(document.key, document.version),
      upload: () => questionnaires.upload(document, null),
      publish: () => questionnaires.publish(document.key, document.version, null),
    })
    if (shipped) published.push(`${document.key} v${document.version}`)
  }
  for (const erratum of questionnaireErrataSeeds()) {
    const there = async () =>
      (await repos.questionnaireErrata.forVersion(erratum.key, erratum.version)).some(
        e => e.question === erratum.question,
      )
    if (await there()) continue
    try {
      await questionnaires.errata.record(erratum.key, erratum.version, erratum, null)
    } catch (error) {
      // Another start recorded it first; any other refusal is a shipped erratum that does not fit its version.
      if (!(error instanceof ValidationError && (await there()))) throw error
    }
  }
  return published
}
