import type { AuthorityFacts } from '../src/domain/organisation'
import type { PipelineCategory } from '../src/domain/pipeline/entry'
import authorities from './data/london-authorities.json'
import categories from './data/pipeline-categories.json'

/** The 33 London local authorities: see seeds/data/london-authorities.README.md for sources. */
export const LONDON_AUTHORITIES: readonly AuthorityFacts[] = authorities

/** The shared list of what boroughs buy, build or renew, with the maturity dimension each usually serves. */
export const PIPELINE_CATEGORIES: readonly PipelineCategory[] = categories
