/**
 * Capability gaps: for each service area's checklist, which authorities that answered it lack each
 * capability, how many separate buyers they make, and the systems they run in that area. Only an answered
 * checklist counts: an authority that has not said what its service can do lacks nothing yet.
 */
import { byBritishName } from '../names'
import type { ChecklistQuestion, QuestionnaireDefinition } from '../questionnaire/definition'
import { distinctBuyers } from './buyers'

export interface GapAnswers {
  gss: string
  answers: ReadonlyMap<string, { value: unknown; notApplicable: boolean }>
}

/** A system an authority runs in a category, from its estate register. */
export interface RunSystem {
  gss: string
  category: string
  product: string
  contractEnd: string | null
}

export interface GapSystem {
  name: string
  /** How many of the authorities lacking the capability run it there. */
  authorities: number
  /** The latest end of their contracts for it, where the estate register says; null where none does. */
  contractsEndBy: string | null
  /** Whether it was named only in the questionnaire, not found in any estate register. */
  answeredOnly: boolean
}

export interface CapabilityGap {
  area: string
  areaTitle: string
  question: string
  capability: string
  label: string
  /** How many authorities answered the checklist: the lacking are out of these. */
  answered: number
  lacking: string[]
  buyers: number
  categories: string[]
  systems: GapSystem[]
}

const NONE_YET = 'none'
const nameKey = (name: string) => name.trim().toLocaleLowerCase('en-GB')

/** What one authority runs in a service area: its register's entries there, else the system it named. */
function systemsOf(
  gss: string,
  categories: readonly string[],
  estate: readonly RunSystem[],
  named: unknown,
): { name: string; contractEnd: string | null; answeredOnly: boolean }[] {
  const registered = estate.filter(e => e.gss === gss && categories.includes(e.category))
  if (registered.length > 0)
    return registered.map(e => ({ name: e.product, contractEnd: e.contractEnd, answeredOnly: false }))
  const text = typeof named === 'string' ? named.trim() : ''
  return text === '' || nameKey(text) === 'none' ? [] : [{ name: text, contractEnd: null, answeredOnly: true }]
}

function groupSystems(perAuthority: ReturnType<typeof systemsOf>[]): GapSystem[] {
  const groups = new Map<string, GapSystem>()
  for (const systems of perAuthority) {
    const seen = new Set<string>()
    for (const s of systems) {
      const key = nameKey(s.name)
      const group = groups.get(key) ?? { name: s.name, authorities: 0, contractsEndBy: null, answeredOnly: true }
      if (!seen.has(key)) group.authorities++
      seen.add(key)
      if (s.contractEnd && (!group.contractsEndBy || s.contractEnd > group.contractsEndBy))
        group.contractsEndBy = s.contractEnd
      group.answeredOnly &&= s.answeredOnly
      groups.set(key, group)
    }
  }
  return [...groups.values()].sort((a, b) => b.authorities - a.authorities || byBritishName(a.name, b.name))
}

export function capabilityGaps(input: {
  definition: QuestionnaireDefinition
  results: readonly GapAnswers[]
  partnerships: readonly (readonly string[])[]
  estate: readonly RunSystem[]
}): CapabilityGap[] {
  const gaps: (CapabilityGap & { order: number })[] = []
  let order = 0
  for (const dimension of input.definition.dimensions)
    for (const theme of dimension.themes) {
      if (!theme.serviceArea) continue
      const categories = theme.serviceArea.categories
      const checklist = theme.questions.find((q): q is ChecklistQuestion => q.type === 'checklist')
      const system = theme.questions.find(q => q.role === 'system')
      if (!checklist) continue
      const held = new Map<string, string[]>()
      for (const r of input.results) {
        const value = r.answers.get(checklist.key)?.value
        if (Array.isArray(value) && value.length > 0)
          held.set(
            r.gss,
            value.filter((v): v is string => typeof v === 'string'),
          )
      }
      for (const option of checklist.options) {
        const lacking = [...held]
          .filter(([, values]) => values.includes(NONE_YET) || !values.includes(option.value))
          .map(([gss]) => gss)
          .sort()
        order++
        if (lacking.length === 0) continue
        const answersOf = new Map(input.results.map(r => [r.gss, r.answers]))
        gaps.push({
          order,
          area: theme.key,
          areaTitle: theme.title,
          question: checklist.key,
          capability: option.value,
          label: option.label,
          answered: held.size,
          lacking,
          buyers: distinctBuyers(lacking, input.partnerships),
          categories,
          systems: groupSystems(
            lacking.map(gss =>
              systemsOf(gss, categories, input.estate, system ? answersOf.get(gss)?.get(system.key)?.value : undefined),
            ),
          ),
        })
      }
    }
  return gaps
    .sort((a, b) => b.lacking.length - a.lacking.length || a.order - b.order)
    .map(({ order: _o, ...gap }) => gap)
}
