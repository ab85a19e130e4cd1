import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { seedDemoAccounts } from './seed-demo-accounts'
import { seedDemoAssessments } from './seed-demo-assessments'
import { seedDemoEstate } from './seed-demo-estate'
import { seedDemoPartnerships } from './seed-demo-partnerships'
import { seedDemoPipeline } from './seed-demo-pipeline'
import { seedQuestionnaires } from './seed-questionnaires'
import { seedReferenceData } from './seed-reference-data'

/** Reference data every environment needs, and the demo's made-up data: one seeding a file. */
export function seedService(repos: Repositories, questionnaires: QuestionnaireService, clock: Clock) {
  return {
    /** Reference facts every environment needs; safe to run at every start. */
    seedReferenceData: (): Promise<void> => seedReferenceData(repos),
    /** The questionnaires in seeds/data the database does not have yet, published. */
    seedQuestionnaires: (): Promise<string[]> => seedQuestionnaires(repos, questionnaires),
    /** Demo sign-ins, only into a database that has no users yet. Returns the accounts made. */
    seedDemoAccounts: (password: string) => seedDemoAccounts(repos, password),
    /** Three rounds of demo assessments (2025, 2026 and a pilot of version 3), only into a database with no rounds. */
    seedDemoAssessments: (): Promise<boolean> => seedDemoAssessments(repos, questionnaires, clock),
    /** Synthetic plans and priorities for every authority, only into an empty pipeline. */
    seedDemoPipeline: (): Promise<boolean> => seedDemoPipeline(repos, questionnaires, clock),
    /** Shared-service partnerships modelled on London's own, only into a database that has none. */
    seedDemoPartnerships: (): Promise<boolean> => seedDemoPartnerships(repos, clock),
    /** An invented catalogue and every authority's systems, rated against the published standards, only into an empty register. */
    seedDemoEstate: (): Promise<boolean> => seedDemoEstate(repos, clock),
  }
}

export type SeedService = ReturnType<typeof seedService>
