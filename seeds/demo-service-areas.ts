import type { ChecklistQuestion } from '../src/domain/questionnaire/definition'
import type { DemoEstateEntry } from './demo-estate'
import type { DemoPartnership } from './demo-partnerships'

/**
 * Synthetic answers to what version 3 asks of every service area beyond levels: who delivers it, on which
 * system, and which capabilities it has. Planted so capability gaps have something to find: in each area
 * most councils lack its last capability and many its second last, and councils weak on housing lack most
 * housing capabilities, often all of them. None of it describes a real council.
 */

/** How one authority answers for its service areas, from its demo systems and partnerships. */
export interface DemoServiceAreas {
  /** The main system it names for an area's categories, or "none". */
  system: (categories: readonly string[], random: () => number) => string
  /** Whether it shares services with partners in a demo partnership. */
  partnered: boolean
}

/**
 * Each authority names its own demo system where the demo estate gives it one in the area's categories,
 * else one from the invented catalogue (as a council might name one it has not yet put in the register),
 * else "none".
 */
export function demoServiceAreas(
  slug: string,
  estate: readonly DemoEstateEntry[],
  catalogue: ReadonlyMap<string, readonly string[]>,
  partnerships: readonly DemoPartnership[],
): DemoServiceAreas {
  const own = estate.filter(e => e.slug === slug)
  return {
    system(categories, random) {
      for (const category of categories) {
        const entry = own.find(e => e.categoryKey === category)
        if (entry) return entry.product
      }
      for (const category of categories) {
        const products = catalogue.get(category) ?? []
        const product = products[Math.floor(random() * products.length)]
        if (product) return product
      }
      return 'none'
    },
    partnered: partnerships.some(p => p.memberSlugs.includes(slug)),
  }
}

/** Mostly in-house; partners share about a third of their areas; a few outsource. */
export function demoDelivery(partnered: boolean, random: () => number): 'in-house' | 'shared' | 'outsourced' {
  const roll = random()
  if (partnered) return roll < 0.35 ? 'shared' : roll < 0.93 ? 'in-house' : 'outsourced'
  return roll < 0.87 ? 'in-house' : roll < 0.95 ? 'outsourced' : 'shared'
}

/**
 * The capabilities an area holds, more of them the higher its level (1 to 5): the last listed is rare and
 * the second last uncommon, so most councils lack the same one or two; `weak` leaves few or none.
 * An area holding none answers "none", as a respondent ticks "None of these yet".
 */
export function demoCapabilities(
  question: ChecklistQuestion,
  level: number,
  weak: boolean,
  random: () => number,
): string[] {
  const lift = Math.min(1, Math.max(0, (level - 1) / 4))
  const last = question.options.length - 1
  const held = question.options.filter((_, i) => {
    const chance = i === last ? 0.06 + 0.2 * lift : i === last - 1 ? 0.25 + 0.35 * lift : 0.6 + 0.4 * lift - 0.02 * i
    return random() < (weak ? chance * 0.25 : chance)
  })
  return held.length === 0 ? ['none'] : held.map(o => o.value)
}
