import type { AuthorityFacts } from '../src/domain/organisation'
import authorities from './data/london-authorities.json'

/** The 33 London local authorities: see seeds/data/london-authorities.README.md for sources. */
export const LONDON_AUTHORITIES: readonly AuthorityFacts[] = authorities
