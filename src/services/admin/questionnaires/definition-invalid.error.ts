import type { DefinitionError, Unlisted } from '../../../domain/questionnaire/validate'
import { plural } from '../../../domain/format/plurals'

/** The first problems found (100 at most), and a count of any others. */
export class DefinitionInvalidError extends Error {
  constructor(
    readonly errors: DefinitionError[],
    readonly unlisted?: Unlisted,
    /** The text could not be read as JSON at all, so nothing in it was checked. */
    readonly unreadable = false,
  ) {
    const total = errors.length + (unlisted?.count ?? 0)
    super(`The definition has ${unlisted?.checkingStopped ? 'at least ' : ''}${plural(total, 'problem')}`)
  }
}
