import { EMPTY_ANSWER, checkAnswer, sameContent, type Answer, type AnswerContent } from '../../domain/assessment/answer'
import { carryOver } from '../../domain/assessment/carry-over'
import { progress, submitProblems, type Progress, type SubmitProblem } from '../../domain/assessment/progress'
import { roundStatus, type Round, type RoundStatus } from '../../domain/assessment/round'
import { respondentsMayEdit, transition, type AssessmentState } from '../../domain/assessment/workflow'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import { score, type Basis, type Scores } from '../../domain/scoring'
import type { Organisation } from '../../domain/organisation'
import { questionByKey, type Question, type QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Transaction } from '../../data/db'
import type { AnswerSaveContext, AssessmentRecord } from '../../data/assessment.repository'
import type { Clock } from '../clock'
import type { QuestionnaireService } from '../admin/questionnaire.service'

/** A save based on a stale revision: the caller is shown what is there now, and by whom. */
export class AnswerConflictError extends ConflictError {
  constructor(readonly current: Answer) {
    super(`Someone else changed this answer at ${current.updatedAt.toISOString()}`)
  }
}

export interface AssessmentView {
  assessment: AssessmentRecord
  round: Round & { status: RoundStatus }
  organisation: Organisation
  definition: QuestionnaireDefinition
  answers: Map<string, Answer>
  progress: Progress
  /** Whether this user may change answers now, and if not, why not. */
  editable: { allowed: true } | { allowed: false; reason: string }
  carryOver: { available: boolean; from?: string }
  /** What the assessor asked the borough to change, while the assessment is returned. */
  returnComment: string | null
}

export interface SaveInput {
  content: AnswerContent
  revision: number
}

export interface SaveOutcome {
  questionKey: string
  outcome: 'saved' | 'unchanged' | 'conflict'
  revision: number
  savedAt?: Date
  current?: Answer
}

const FINAL_STATES: readonly AssessmentState[] = ['submitted', 'in_moderation', 'moderated']

export function assessmentService(repos: Repositories, questionnaires: QuestionnaireService, clock: Clock) {
  async function load(user: User, id: number) {
    const assessment = Number.isSafeInteger(id) ? await repos.assessments.findById(id) : undefined
    if (!assessment) throw new NotFoundError('There is no such assessment')
    // Respondents learn nothing of other organisations' assessments, not even that they exist.
    if (!isCentralRole(user.role) && user.organisationId !== assessment.organisationId) {
      throw new NotFoundError('There is no such assessment')
    }
    const [round, organisation] = await Promise.all([
      repos.rounds.findById(assessment.roundId),
      repos.organisations.findById(assessment.organisationId),
    ])
    if (!round || !organisation) throw new Error(`assessment ${id} has lost its round or organisation`)
    return {
      assessment,
      round: { ...round, status: roundStatus(round, clock()) },
      organisation,
      definition: await questionnaires.definitionOf(round.questionnaireKey, round.questionnaireVersion),
    }
  }

  function editability(user: User, assessment: AssessmentRecord, status: RoundStatus): AssessmentView['editable'] {
    if (user.role !== 'respondent' || user.organisationId !== assessment.organisationId) {
      return { allowed: false, reason: 'Only respondents of this organisation can change its answers' }
    }
    if (status === 'scheduled') return { allowed: false, reason: 'This round has not opened yet' }
    if (status === 'closed')
      return { allowed: false, reason: 'This round has closed: answers can be read but not changed' }
    if (!respondentsMayEdit(assessment.state)) {
      return {
        allowed: false,
        reason: 'This assessment has been submitted: answers can be read but not changed unless an assessor returns it',
      }
    }
    return { allowed: true }
  }

  /** The latest earlier assessment of the same organisation whose answers are final, and how its keys map onto this round. */
  async function previousAnswers(organisationId: number, round: Round) {
    const earlier = (await repos.rounds.list()).filter(
      r => r.id !== round.id && r.opensOn < round.opensOn && r.questionnaireKey === round.questionnaireKey,
    )
    for (const previousRound of earlier) {
      const [previous] = await repos.assessments.list({ roundId: previousRound.id, organisationId })
      if (!previous || !FINAL_STATES.includes(previous.state)) continue
      const keyMap = await questionnaires.keyMapBetween(
        round.questionnaireKey,
        previousRound.questionnaireVersion,
        round.questionnaireVersion,
      )
      if (!keyMap) return undefined
      return { round: previousRound, assessment: previous, keyMap }
    }
    return undefined
  }

  async function view(user: User, id: number): Promise<AssessmentView> {
    const { assessment, round, organisation, definition } = await load(user, id)
    const answers = new Map((await repos.assessments.answers(id)).map(a => [a.questionKey, a]))
    const editable = editability(user, assessment, round.status)
    const previous =
      editable.allowed && answers.size === 0 ? await previousAnswers(assessment.organisationId, round) : undefined
    const comments = assessment.state === 'returned' ? await repos.moderations.comments(id) : undefined
    return {
      assessment,
      round,
      organisation,
      definition,
      answers,
      progress: progress(definition, answers),
      editable,
      carryOver: previous ? { available: true, from: previous.round.name } : { available: false },
      returnComment: comments?.returned ?? null,
    }
  }

  function findQuestion(definition: QuestionnaireDefinition, questionKey: string): Question {
    const question = questionByKey(definition, questionKey)
    if (!question) throw new NotFoundError(`There is no question "${questionKey}" in this questionnaire`)
    return question
  }

  /**
   * Saves answers in one transaction with their audit events. The assessment row is locked first, so
   * saves to one assessment queue rather than race; each answer's revision must match what is stored.
   */
  async function save(
    user: User,
    id: number,
    inputs: Map<string, SaveInput>,
    options: { confirmUnchanged: boolean },
    loaded?: { round: Round; definition: QuestionnaireDefinition },
  ): Promise<SaveOutcome[]> {
    const { round, definition } = loaded ?? (await load(user, id))
    for (const key of inputs.keys()) findQuestion(definition, key)
    return repos.database.transaction(async trx => {
      const assessment = await repos.assessments.lock(id, trx)
      if (!assessment) throw new NotFoundError('There is no such assessment')
      const editable = editability(user, assessment, roundStatus(round, clock()))
      if (!editable.allowed) throw new ForbiddenError(editable.reason)
      const now = clock()
      const outcomes: SaveOutcome[] = []
      for (const [questionKey, input] of inputs) {
        const existing = await repos.assessments.answerForUpdate(id, questionKey, trx)
        const currentRevision = existing?.revision ?? 0
        if (input.revision !== currentRevision) {
          if (existing && sameContent(existing, input.content) && !existing.carriedFrom) {
            outcomes.push({ questionKey, outcome: 'unchanged', revision: currentRevision })
          } else {
            outcomes.push({ questionKey, outcome: 'conflict', revision: currentRevision, current: existing })
          }
          continue
        }
        const unchanged = sameContent(existing ?? EMPTY_ANSWER, input.content)
        if (unchanged && !(existing?.carriedFrom && options.confirmUnchanged)) {
          outcomes.push({ questionKey, outcome: 'unchanged', revision: currentRevision })
          continue
        }
        const revision = currentRevision + 1
        await repos.assessments.writeAnswer(
          id,
          questionKey,
          input.content,
          { revision, at: now, by: user.id, carriedFrom: null },
          trx,
        )
        await repos.audit.record(answerEvent(user, id, questionKey, existing, input.content, unchanged, clock()), trx)
        outcomes.push({ questionKey, outcome: 'saved', revision, savedAt: now })
      }
      if (assessment.state === 'not_started' && outcomes.some(o => o.outcome === 'saved')) {
        await moveState(trx, assessment, 'start', user.id)
      }
      return outcomes
    })
  }

  async function moveState(
    trx: Transaction,
    assessment: AssessmentRecord,
    action: 'start' | 'submit',
    actorUserId: number,
  ): Promise<AssessmentState> {
    const move = transition(assessment.state, action)
    if (!move.allowed) throw new ConflictError(move.reason)
    await repos.assessments.setState(
      assessment.id,
      move.to,
      action === 'submit' ? { submittedAt: clock(), submittedBy: actorUserId } : {},
      trx,
    )
    await repos.audit.record(
      {
        at: clock(),
        actorUserId,
        action: `assessment.${action === 'start' ? 'started' : 'submitted'}`,
        entityType: 'assessment',
        entityId: assessment.id,
        before: { state: assessment.state },
        after: { state: move.to },
      },
      trx,
    )
    return move.to
  }

  /**
   * What this process last wrote of each answer (assessment and question), with the assessment and
   * round as they were: the next save of the same answer, the autosave's usual case, need not read
   * them again. A copy may be stale (another process, another tab); the guarded write then fails and
   * the locked path decides, so a stale copy costs a trip and never a wrong answer.
   */
  const lastWritten = repos.copies.answers

  /**
   * The everyday autosave, in one write: when what is known says the save will go through (an editable,
   * started assessment, its round open, and the answer at the revision the browser had), the answer and
   * its audit event are written on condition that none of them has moved since. Undefined when any of
   * that does not hold, so the caller takes the locked path, which decides every other case.
   */
  async function saveWithoutWaiting(
    user: User,
    { assessment, round, answer }: AnswerSaveContext,
    questionKey: string,
    content: AnswerContent,
    revision: number,
    known: 'read now' | 'remembered',
  ): Promise<{ revision: number; savedAt: Date } | undefined> {
    if (assessment.state === 'not_started') return undefined
    if (!editability(user, assessment, roundStatus(round, clock())).allowed) return undefined
    if (revision !== (answer?.revision ?? 0)) return undefined
    const unchanged = sameContent(answer ?? EMPTY_ANSWER, content)
    // Nothing to write, if what was just read is what the browser has; a remembered copy cannot say so.
    if (unchanged && !answer?.carriedFrom)
      return known === 'read now' ? { revision, savedAt: answer?.updatedAt ?? clock() } : undefined
    const at = clock()
    const written = await repos.assessments.writeAnswerIfCurrent(
      {
        assessmentId: assessment.id,
        assessmentRevision: assessment.revision,
        round,
        questionKey,
        answerRevision: revision,
      },
      content,
      { at, by: user.id },
      answerEvent(user, assessment.id, questionKey, answer, content, unchanged, at),
    )
    if (!written) return undefined
    const now: Answer = {
      questionKey,
      ...content,
      revision: revision + 1,
      updatedAt: at,
      updatedBy: { id: user.id, name: user.name },
      carriedFrom: null,
    }
    lastWritten.set(`${assessment.id}:${questionKey}`, { assessment, round, answer: now })
    return { revision: revision + 1, savedAt: at }
  }

  return {
    view,

    async list(user: User, roundId?: number) {
      const filter = isCentralRole(user.role) ? { roundId } : { roundId, organisationId: user.organisationId ?? -1 }
      const records = await repos.assessments.list(filter)
      const [rounds, organisations, answers] = await Promise.all([
        repos.rounds.list(),
        repos.organisations.list(),
        repos.assessments.answersFor(records.map(r => r.id)),
      ])
      const definitions = new Map<string, QuestionnaireDefinition>()
      for (const r of rounds)
        definitions.set(
          `${r.questionnaireKey}@${r.questionnaireVersion}`,
          await questionnaires.definitionOf(r.questionnaireKey, r.questionnaireVersion),
        )
      return records.map(record => {
        const round = rounds.find(r => r.id === record.roundId)
        const organisation = organisations.find(o => o.id === record.organisationId)
        const definition = round && definitions.get(`${round.questionnaireKey}@${round.questionnaireVersion}`)
        if (!round || !organisation || !definition)
          throw new Error(`assessment ${record.id} is missing its round or organisation`)
        const map = new Map((answers.get(record.id) ?? []).map(a => [a.questionKey, a]))
        return {
          assessment: record,
          round: { ...round, status: roundStatus(round, clock()) },
          organisation,
          progress: progress(definition, map),
        }
      })
    },

    findQuestion,

    /** One answer, as the API and the autosave script send it. */
    async saveAnswer(
      user: User,
      id: number,
      questionKey: string,
      body: Record<string, unknown>,
    ): Promise<{ revision: number; savedAt: Date }> {
      const remembered = lastWritten.get(`${id}:${questionKey}`)
      const context =
        remembered ??
        (Number.isSafeInteger(id) ? await repos.assessments.answerSaveContext(id, questionKey) : undefined)
      // Respondents learn nothing of other organisations' assessments, not even that they exist.
      if (!context || (!isCentralRole(user.role) && user.organisationId !== context.assessment.organisationId))
        throw new NotFoundError('There is no such assessment')
      const { round } = context
      const definition = await questionnaires.definitionOf(round.questionnaireKey, round.questionnaireVersion)
      const question = findQuestion(definition, questionKey)
      const revision = body.revision
      if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) {
        throw new ValidationError([
          {
            field: '/revision',
            message: 'must be the whole-number revision the change was based on (0 for a first answer)',
          },
        ])
      }
      const checked = checkAnswer(question, body)
      if (!checked.content)
        throw new ValidationError(checked.problems.map(p => ({ field: p.pointer, message: p.message })))
      const known = remembered ? 'remembered' : 'read now'
      const quick = await saveWithoutWaiting(user, context, questionKey, checked.content, revision, known)
      if (quick) return quick
      lastWritten.delete(`${id}:${questionKey}`)
      // Anything else (a conflict, a refusal, the save that starts the assessment) is settled under the lock.
      const inputs = new Map([[questionKey, { content: checked.content, revision }]])
      // A remembered round may have closed since: the locked path then reads everything afresh.
      const loaded = remembered ? undefined : { round, definition }
      const [outcome] = await save(user, id, inputs, { confirmUnchanged: true }, loaded)
      if (!outcome) throw new Error('no outcome')
      if (outcome.outcome === 'conflict') throw new AnswerConflictError(outcome.current ?? missingAnswer(questionKey))
      const saved =
        outcome.savedAt ??
        (await repos.assessments.answers(id)).find(a => a.questionKey === questionKey)?.updatedAt ??
        clock()
      return { revision: outcome.revision, savedAt: saved }
    },

    /** A theme page's answers, already checked; confirming an unchanged carried answer counts as a save. */
    async saveMany(user: User, id: number, inputs: Map<string, SaveInput>): Promise<SaveOutcome[]> {
      return save(user, id, inputs, { confirmUnchanged: true })
    },

    async carryOver(user: User, id: number): Promise<number> {
      const current = await view(user, id)
      if (!current.editable.allowed) throw new ForbiddenError(current.editable.reason)
      const previous = await previousAnswers(current.assessment.organisationId, current.round)
      if (!previous || current.answers.size > 0)
        throw new ConflictError('There are no answers from an earlier round to start from')
      const [oldAnswers, oldModerations] = await Promise.all([
        repos.assessments.answers(previous.assessment.id),
        repos.moderations.forAssessment(previous.assessment.id),
      ])
      const old = new Map(oldAnswers.map(a => [a.questionKey, contentOf(a)]))
      const moderatedLevels = new Map(oldModerations.map(m => [m.questionKey, m.level]))
      const carried = carryOver(old, current.definition, previous.keyMap, moderatedLevels)
      await repos.database.transaction(async trx => {
        const assessment = await repos.assessments.lock(id, trx)
        if (!assessment || (await repos.assessments.answers(id, trx)).length > 0)
          throw new ConflictError('Someone has started this assessment meanwhile')
        const now = clock()
        for (const [questionKey, content] of carried) {
          await repos.assessments.writeAnswer(
            id,
            questionKey,
            content,
            { revision: 1, at: now, by: user.id, carriedFrom: previous.round.name },
            trx,
          )
        }
        await repos.audit.record(
          {
            at: clock(),
            actorUserId: user.id,
            action: 'assessment.carried-over',
            entityType: 'assessment',
            entityId: id,
            after: { from: previous.round.name, answers: carried.size },
          },
          trx,
        )
        if (assessment.state === 'not_started' && carried.size > 0) await moveState(trx, assessment, 'start', user.id)
      })
      return carried.size
    },

    async submit(user: User, id: number): Promise<{ state: AssessmentState } | { problems: SubmitProblem[] }> {
      const current = await view(user, id)
      if (!current.editable.allowed) throw new ForbiddenError(current.editable.reason)
      const problems = submitProblems(current.definition, current.answers)
      if (problems.length > 0) return { problems }
      const state = await repos.database.transaction(async trx => {
        const assessment = await repos.assessments.lock(id, trx)
        if (!assessment) throw new NotFoundError('There is no such assessment')
        // Answers may have changed since the check above; check again under the lock.
        const answers = new Map((await repos.assessments.answers(id, trx)).map(a => [a.questionKey, a]))
        if (submitProblems(current.definition, answers).length > 0)
          throw new ConflictError('Answers changed while submitting: check them and submit again')
        return moveState(trx, assessment, 'submit', user.id)
      })
      return { state }
    },

    /** Scores by the published rule, on the respondent's answers (self) or with moderated levels (final). */
    async scores(user: User, id: number, basis: Basis): Promise<Scores> {
      const current = await view(user, id)
      const moderatedLevels = new Map((await repos.moderations.forAssessment(id)).map(m => [m.questionKey, m.level]))
      return score(current.definition, { answers: current.answers, moderatedLevels, basis })
    },

    /** Every change to the assessment, oldest first, with who made it. */
    async history(user: User, id: number) {
      await load(user, id)
      const events = await repos.audit.forEntity('assessment', id)
      const users = new Map((await repos.users.list()).map(u => [u.id, u.name]))
      return events.map(e => ({
        ...e,
        actorName: e.actorUserId === null ? 'The service' : (users.get(e.actorUserId) ?? 'A former user'),
      }))
    },
  }
}

/** The audit event of one answer saved, or confirmed unchanged after carrying over. */
function answerEvent(
  user: User,
  assessmentId: number,
  questionKey: string,
  existing: Answer | undefined,
  content: AnswerContent,
  unchanged: boolean,
  at: Date,
) {
  return {
    at,
    actorUserId: user.id,
    action: unchanged ? 'answer.confirmed' : 'answer.saved',
    entityType: 'assessment',
    entityId: assessmentId,
    before: existing ? { questionKey, ...contentOf(existing), revision: existing.revision } : { questionKey },
    after: { questionKey, ...content, revision: (existing?.revision ?? 0) + 1 },
  }
}

function contentOf(answer: AnswerContent): AnswerContent {
  return { level: answer.level, value: answer.value, notApplicable: answer.notApplicable, evidence: answer.evidence }
}

function missingAnswer(questionKey: string): Answer {
  return { questionKey, ...EMPTY_ANSWER, revision: 0, updatedAt: new Date(0), updatedBy: null, carriedFrom: null }
}

export type AssessmentService = ReturnType<typeof assessmentService>
