import { DEMO_PILOT, DEMO_SEED, randomFrom } from '../../../seeds/demo-assessments'
import { demoEstate, productsByCategory } from '../../../seeds/demo-estate'
import { DEMO_PARTNERSHIPS } from '../../../seeds/demo-partnerships'
import { demoServiceAreas } from '../../../seeds/demo-service-areas'
import { addDays, londonDate } from '../../domain/assessment/round'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import type { Organisation } from '../../domain/organisation'
import type { Repositories } from '../../data'
import type { Transaction } from '../../data/db'
import type { DemoBatch } from './demo-batch'
import { demoFiller } from './fill-demo-assessment'

const DAY_MS = 24 * 3600 * 1000

export interface DemoPilot {
  repos: Repositories
  trx: Transaction
  batch: DemoBatch
  organisations: Organisation[]
  respondentOf: Map<number | null, number>
  /** Version 3, as published. */
  version: { id: number; definition: QuestionnaireDefinition }
  now: Date
}

/**
 * Each authority's systems as the demo estate will record them (the same generator, over the same
 * authorities and categories in the same order), so the system a council names is the one its register
 * holds; and, where the register holds none in an area, an invented product the catalogue has there.
 */
async function serviceAreasOf(repos: Repositories, trx: Transaction, organisations: Organisation[]) {
  const categories = (await repos.pipeline.categories(trx)).map(c => c.key)
  const estate = demoEstate(
    organisations.map(o => o.slug),
    categories,
  )
  const catalogue = new Map(
    [...productsByCategory()].map(([category, products]) => [
      category,
      products.filter(p => p.weight > 0 && p.status !== 'proposed').map(p => p.name),
    ]),
  )
  return (slug: string) => demoServiceAreas(slug, estate, catalogue, DEMO_PARTNERSHIPS)
}

/**
 * The synthetic pilot of version 3, open beside the 2026 round since three weeks ago: most of its
 * authorities have submitted, the rest are part-way. Drawn from a generator of its own, after the other
 * rounds, so adding it changed none of their answers.
 */
export async function seedDemoPilot(p: DemoPilot): Promise<void> {
  const { repos, trx, now } = p
  const today = londonDate(now)
  const roundId = await repos.rounds.create(
    {
      name: DEMO_PILOT.name,
      questionnaireVersionId: p.version.id,
      opensOn: addDays(today, -21),
      closesOn: addDays(today, 60),
      createdBy: null,
    },
    trx,
  )
  const taking = p.organisations.filter(o => DEMO_PILOT.slugs.some(slug => slug === o.slug))
  await repos.assessments.createForRound(
    roundId,
    taking.map(o => o.id),
    trx,
  )
  const assessments = await repos.assessments.list({ roundId }, trx)
  const fill = demoFiller({
    ...p,
    definitions: { 3: p.version.definition },
    assessmentOf: new Map(assessments.map(a => [`${a.roundId}:${a.organisationId}`, a])),
    random: randomFrom(DEMO_SEED + 3),
    serviceAreas: await serviceAreasOf(repos, trx, p.organisations),
  })
  for (const [i, slug] of DEMO_PILOT.slugs.entries()) {
    const partWay = DEMO_PILOT.partWay.some(s => s === slug)
    const order = { roundId, version: 3 as const, slug, drift: 0.3, submit: !partWay }
    // Handed in over the past fortnight; the part-way ones were last touched a few days ago.
    const at = new Date(now.getTime() - (partWay ? 4 : 1 + (i % 14)) * DAY_MS)
    await fill({ ...order, share: partWay ? 0.35 + (i % 4) * 0.12 : 1, at })
  }
}
