import { FORWARDED, signIn, type Session } from '../../../scripts/bench/http'
import { PASSWORD, type Dataset } from '../../../scripts/bench/dataset'

/** Longer than any bound a test sets, so a hung request is seen as one rather than cut off early. */
const GIVE_UP_MS = 20_000

export type Outcome = number | 'network error' | 'no answer'

export interface Attempt {
  outcome: Outcome
  startedAt: number
  ms: number
}

/** A save the app answered 200 to: what the respondent was told is kept. */
export interface Acknowledged {
  assessmentId: number
  key: string
  revision: number
  level: number
  /** When the answer arrived, on performance.now()'s clock. */
  at: number
}

export interface Respondent {
  session: Session
  assessmentId: number
}

/** Signs in the dataset's first `count` respondents and finds each one's assessment in the saves round. */
export async function respondents(base: string, dataset: Dataset, count: number): Promise<Respondent[]> {
  return Promise.all(
    dataset.respondents.slice(0, count).map(async email => {
      const session = await signIn(base, email, PASSWORD)
      const response = await fetch(`${base}/api/v1/assessments?round=${dataset.savesRoundId}`, {
        headers: { ...FORWARDED, cookie: session.cookie },
      })
      const [mine] = (await response.json()) as { id: number }[]
      if (!mine) throw new Error(`${email} has no assessment in the saves round`)
      return { session, assessmentId: mine.id }
    }),
  )
}

export interface SaveRequest {
  base: string
  session: Session
  assessmentId: number
  key: string
  level: number
  revision: number
  evidence?: string
}

export interface SaveResponse {
  attempt: Attempt
  body: unknown
  text: string
}

/** One PUT of an answer, timed; a request with no answer in GIVE_UP_MS is recorded as such. */
export async function putAnswer(request: SaveRequest): Promise<SaveResponse> {
  const startedAt = performance.now()
  try {
    const response = await fetch(`${request.base}/api/v1/assessments/${request.assessmentId}/answers/${request.key}`, {
      method: 'PUT',
      headers: {
        ...FORWARDED,
        'content-type': 'application/json',
        accept: 'application/json',
        cookie: request.session.cookie,
        'x-csrf-token': request.session.csrf,
      },
      body: JSON.stringify({ level: request.level, evidence: request.evidence, revision: request.revision }),
      signal: AbortSignal.timeout(GIVE_UP_MS),
    })
    const text = await response.text()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
    return { attempt: { outcome: response.status, startedAt, ms: performance.now() - startedAt }, body, text }
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
    return {
      attempt: { outcome: timedOut ? 'no answer' : 'network error', startedAt, ms: performance.now() - startedAt },
      body: undefined,
      text: '',
    }
  }
}

/** Everything a set of savers tried and was told. */
export class SaveLog {
  readonly attempts: Attempt[] = []
  /** Saves sent and not yet answered, as the savers see them. */
  inFlight = 0
  readonly acknowledged: Acknowledged[] = []

  count(outcome: Outcome): number {
    return this.attempts.filter(a => a.outcome === outcome).length
  }

  /** How many attempts ended each way, e.g. { 200: 812, 503: 40 }. */
  outcomes(): Record<string, number> {
    const counts: Record<string, number> = {}
    for (const a of this.attempts) counts[String(a.outcome)] = (counts[String(a.outcome)] ?? 0) + 1
    return counts
  }

  slowest(): number {
    return Math.max(0, ...this.attempts.map(a => a.ms))
  }
}

/**
 * One respondent saving their own assessment's answers in turn, as the autosave script does, until told
 * to stop. Each save moves the answer to the next level, so every acknowledged save is a new revision
 * with its own audit event. A 409 means an earlier save was kept although its answer never arrived (the
 * process or connection died after the commit): the saver takes the stored revision and carries on.
 */
export async function saveUntil(
  respondent: Respondent,
  keys: string[],
  base: () => string,
  log: SaveLog,
  stopped: () => boolean,
): Promise<void> {
  const revisions = new Map<string, number>()
  const levels = new Map<string, number>()
  for (let turn = 0; !stopped(); turn++) {
    const key = keys[turn % keys.length] ?? ''
    const level = ((levels.get(key) ?? 0) % 5) + 1
    log.inFlight++
    const { attempt, body } = await putAnswer({
      base: base(),
      session: respondent.session,
      assessmentId: respondent.assessmentId,
      key,
      level,
      revision: revisions.get(key) ?? 0,
    })
    log.inFlight--
    log.attempts.push(attempt)
    if (attempt.outcome === 200) {
      const revision = (body as { revision: number }).revision
      revisions.set(key, revision)
      levels.set(key, level)
      log.acknowledged.push({ assessmentId: respondent.assessmentId, key, revision, level, at: performance.now() })
    } else if (attempt.outcome === 409) {
      const { current } = body as { current: { revision: number; level: number } }
      revisions.set(key, current.revision)
      levels.set(key, current.level)
    } else {
      // Unavailable: pause as the autosave script does before retrying, rather than spin.
      await new Promise(resolve => setTimeout(resolve, 100))
    }
  }
}
