import { plural } from '../../domain/format/plurals'
import { paths } from '../../paths'
import type { EstateHeadline, OwnEstate } from '../../services/home/estate-home'
import { link, type Html } from '../html'

/** How many of London's positions the home lists; the catalogue leads to the rest. */
const SHOWN = 3

export interface EstateHeadlineView {
  /** "2 products await approval", linking to the catalogue; null when none do. */
  proposals: { href: string; text: string } | null
  failing: { html: Html; detail: string }[]
  failingNone: string | null
  all: { href: string; text: string }
}

/** The central homes' estate section: proposals to approve and points London can put to a supplier together. */
export function estateHeadlineView(headline: EstateHeadline): EstateHeadlineView {
  return {
    proposals:
      headline.proposals === 0
        ? null
        : {
            href: paths.products,
            text: `${plural(headline.proposals, 'product')} proposed for the catalogue ${headline.proposals === 1 ? 'awaits' : 'await'} approval`,
          },
    failing: headline.failing.slice(0, SHOWN).map(f => ({
      html: link(
        paths.product(f.product.id, `?standard=${encodeURIComponent(f.standard.key)}&version=${f.standard.version}`),
        `${f.product.name} (${f.product.supplier})`,
      ),
      detail: `does not meet point ${f.point.number} (${f.point.title}) of the ${f.standard.title}, say ${f.doesNotMeet} of the ${plural(f.rated, 'authority', 'authorities')} that rated it`,
    })),
    failingNone:
      headline.failing.length === 0 ? 'No product falls short of a standard’s point by London’s rule yet.' : null,
    all: { href: paths.estate, text: 'London’s estate: registers, catalogue, concentration and map' },
  }
}

export interface OwnEstateView {
  /** What the council has to do on its register, in words, or that it has recorded nothing yet. */
  lines: string[]
  link: { href: string; text: string }
}

/** A respondent's home: the state of its own register. */
export function ownEstateView(estate: OwnEstate): OwnEstateView {
  const lines =
    estate.systems === 0
      ? ['No systems recorded yet: record what your council runs, so London can see who buys what and when.']
      : [
          `${plural(estate.systems, 'system')} recorded.`,
          ...(estate.unrated > 0
            ? [`${plural(estate.unrated, 'system is', 'systems are')} not yet rated against a standard.`]
            : []),
          ...(estate.endingWithinYear > 0
            ? [
                `${plural(estate.endingWithinYear, 'contract ends', 'contracts end')} within a year: is a plan for ${estate.endingWithinYear === 1 ? 'it' : 'each'} in your pipeline?`,
              ]
            : []),
        ]
  return { lines, link: { href: paths.estate, text: 'Your council’s estate register' } }
}
