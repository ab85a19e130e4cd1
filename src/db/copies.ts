import { LRUCache } from 'lru-cache'
import type { AnswerSaveContext } from '../data/assessment.repository'
import type { QuestionnaireDefinition } from '../domain/questionnaire/definition'
import type { RoundData } from '../services/insights/round-results'
import type { ChangeFeed } from './change-feed'
import { sessionCopies } from './session-copies'

export type { SessionCopy } from './session-copies'

/**
 * One round's results while its version stands, and what is worked out from them: values (scores,
 * orderings, clusterings), and page and JSON bodies as bytes. Both are dropped with the round's copy.
 */
export interface RoundCopy {
  version: string
  /** What the change feed had heard when the version was last read (see ChangeFeed), and when. */
  heard: { deafness: number; dataChanges: number; at: number }
  /** Which read this load began after (see loadRoundResults): a copy answers only reads made before it. */
  loadedAfter: number
  /** Each assessment's own version, as read before its answers: a change reads only what changed again. */
  assessments: ReadonlyMap<number, number>
  data: RoundData
  derived: LRUCache<string, { value: unknown }, { make: () => Promise<unknown> }>
  bodies: LRUCache<string, Buffer, { make: () => Promise<Buffer> }>
}

const MB = 1024 * 1024

/** Roughly what a round's copy takes: a few hundred bytes an answer or moderation, besides each assessment. */
const roundBytes = (data: RoundData): number =>
  64 * 1024 + data.results.reduce((sum, r) => sum + 1024 + 384 * (r.answers.size + r.moderations.size), 0)

/** Values made by `make` in the fetch's context: one making shared by every request that asks meanwhile. */
const made = <V>(_key: unknown, _stale: unknown, { context }: { context: { make: () => Promise<V> } }) => context.make()

/**
 * A new round copy, with its own stores of what is worked out from it, or those of the copy it
 * replaces where the change cannot alter them (see loadRoundResults).
 */
function roundCopy(
  copy: Omit<RoundCopy, 'derived' | 'bodies'>,
  carried?: Pick<RoundCopy, 'derived' | 'bodies'>,
): RoundCopy {
  return {
    ...copy,
    derived:
      carried?.derived ??
      new LRUCache({
        max: 256,
        fetchMethod: (key, stale, options) => made(key, stale, options).then(value => ({ value })),
      }),
    bodies:
      carried?.bodies ??
      new LRUCache({ max: 256, maxSize: 32 * MB, sizeCalculation: body => body.length, fetchMethod: made }),
  }
}

/**
 * Everything this process keeps in memory of what it read from the database, how much of it, and when
 * each copy is dropped. Every copy is a copy it knows how to drop: the database announces each change
 * (see ChangeFeed), and a copy read while the feed could have missed one (`deafness` moved) or while it is
 * not listening at all is never trusted. Each store is bounded by count and by bytes, so no input can
 * make the process grow without limit.
 */
export function createCopies(changes: ChangeFeed) {
  const sessions = sessionCopies(changes)

  /**
   * Rounds most recently read: a round's results are the building block of every cross-borough view. A
   * load is shared by every request for the round that arrives while it runs.
   */
  const rounds = new LRUCache<number, RoundCopy, { load: () => Promise<RoundCopy> }>({
    max: 8,
    maxSize: 768 * MB,
    sizeCalculation: copy => roundBytes(copy.data),
    fetchMethod: (_id, _stale, { context }) => context.load(),
  })

  /** Published questionnaire definitions, checked once: they never change (a database trigger sees to it). */
  const definitions = new LRUCache<string, QuestionnaireDefinition>({
    max: 64,
    maxSize: 64 * MB,
    sizeCalculation: definition => 2 * JSON.stringify(definition).length,
  })

  /**
   * What this process last wrote of each answer, with its assessment and round as they were (see
   * assessmentService.saveAnswer): a stale copy costs a trip to the database, never a wrong answer.
   */
  const answers = new LRUCache<string, AnswerSaveContext>({
    max: 10_000,
    maxSize: 32 * MB,
    sizeCalculation: context => 2 * JSON.stringify(context).length,
  })

  return {
    changes,
    rounds,
    roundCopy,
    definitions,
    answers,
    sessions,
  }
}

export type Copies = ReturnType<typeof createCopies>
