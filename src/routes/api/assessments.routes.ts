import { paths, patterns } from '../../paths'
import type { Request, RequestHandler, Response } from 'express'
import type { Answer } from '../../domain/assessment/answer'
import { ValidationError } from '../../domain/errors'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { AnswerConflictError } from '../../services/assessments/assessment.service'
import { ModerationConflictError } from '../../services/moderation/moderation.service'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

const RESPONDENT = ['respondent'] as const
const MODERATORS = ['assessor', 'admin'] as const

const idOf = (req: Request): number => positiveId(req.params.id)

export const answerJson = (a: Answer) => ({
  questionKey: a.questionKey,
  ...(a.level !== null ? { level: a.level } : {}),
  ...(a.value !== null ? { value: a.value } : {}),
  notApplicable: a.notApplicable,
  ...(a.evidence !== null ? { evidence: a.evidence } : {}),
  revision: a.revision,
  updatedAt: a.updatedAt.toISOString(),
  updatedBy: a.updatedBy?.name ?? null,
  ...(a.carriedFrom ? { carriedFrom: a.carriedFrom } : {}),
})

function sendInvalid(res: Response, error: ValidationError): void {
  res.status(422).json({ error: 'invalid', errors: error.errors.map(e => ({ pointer: e.field, message: e.message })) })
}

/** Runs a use case and answers its ValidationError as 422 with pointers; other errors go on to the error handler. */
async function answering422(res: Response, work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    sendInvalid(res, error)
  }
}

/** The assessments API, in one table: who may call each endpoint is declared here. */
export function apiAssessmentRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.api.assessments, ALL_ROLES, listAssessments(services)),
    route('get', patterns.api.assessment, ALL_ROLES, getAssessment(services)),
    route('get', patterns.api.assessmentScores, ALL_ROLES, getScores(services)),
    route('put', patterns.api.answer, RESPONDENT, putAnswer(services)),
    route('post', patterns.api.submit, RESPONDENT, submit(services)),
    route('post', patterns.api.openModeration, MODERATORS, openModeration(services)),
    route('put', patterns.api.moderation, MODERATORS, putModeration(services)),
    route('post', patterns.api.returnAssessment, MODERATORS, returnAssessment(services)),
    route('post', patterns.api.completeModeration, MODERATORS, completeModeration(services)),
  ]
}

function listAssessments(services: Services): RequestHandler {
  return async (req, res) => {
    const raw = req.query.round
    const round = raw === undefined ? undefined : Number(raw)
    if (round !== undefined && (!Number.isSafeInteger(round) || round <= 0)) {
      res.status(400).json({ error: 'bad_request', message: 'round must be a round id, a positive whole number' })
      return
    }
    const rows = await services.assessments.list(signedInUser(req), round)
    res.json(
      rows.map(r => ({
        id: r.assessment.id,
        round: r.round.id,
        organisation: { gss: r.organisation.gss, name: r.organisation.name },
        state: r.assessment.state,
        progress: {
          completedThemes: r.progress.completedThemes,
          totalThemes: r.progress.totalThemes,
          answeredShare: Math.round(r.progress.share * 1000) / 1000,
        },
      })),
    )
  }
}

function getAssessment(services: Services): RequestHandler {
  return async (req, res) => {
    const view = await services.assessments.view(signedInUser(req), idOf(req))
    res.json({
      id: view.assessment.id,
      round: view.round.id,
      organisation: { gss: view.organisation.gss, name: view.organisation.name },
      state: view.assessment.state,
      revision: view.assessment.revision,
      answers: [...view.answers.values()].map(answerJson),
    })
  }
}

function getScores(services: Services): RequestHandler {
  return async (req, res) => {
    const basis = req.query.basis ?? 'final'
    if (basis !== 'self' && basis !== 'final') {
      res.status(400).json({ error: 'bad_request', message: 'basis must be self or final' })
      return
    }
    res.json(await services.assessments.scores(signedInUser(req), idOf(req), basis))
  }
}

function putAnswer(services: Services): RequestHandler {
  return async (req, res) => {
    const body = req.body as unknown
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      res.status(422).json({ error: 'invalid', errors: [{ pointer: '', message: 'must be a JSON object' }] })
      return
    }
    try {
      const saved = await services.assessments.saveAnswer(
        signedInUser(req),
        idOf(req),
        String(req.params.questionKey),
        body as Record<string, unknown>,
      )
      res.json({ revision: saved.revision, savedAt: saved.savedAt.toISOString() })
    } catch (error) {
      if (error instanceof AnswerConflictError) {
        res.status(409).json({
          error: 'conflict',
          message: 'Someone else changed this answer since you loaded it',
          current: answerJson(error.current),
        })
        return
      }
      if (error instanceof ValidationError) {
        sendInvalid(res, error)
        return
      }
      throw error
    }
  }
}

function submit(services: Services): RequestHandler {
  return async (req, res) => {
    const result = await services.assessments.submit(signedInUser(req), idOf(req))
    if ('problems' in result) {
      res.status(422).json({
        error: 'incomplete',
        errors: result.problems.map(p => ({
          pointer: `/answers/${p.questionKey}`,
          questionKey: p.questionKey,
          message: p.message,
        })),
      })
      return
    }
    res.json({ state: result.state })
  }
}

function openModeration(services: Services): RequestHandler {
  return async (req, res) => {
    res.json({ state: await services.moderation.open(signedInUser(req), idOf(req)) })
  }
}

function putModeration(services: Services): RequestHandler {
  return async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    try {
      res.json(await services.moderation.moderate(signedInUser(req), idOf(req), String(req.params.questionKey), body))
    } catch (error) {
      if (error instanceof ModerationConflictError) {
        res.status(409).json({
          error: 'conflict',
          message: error.message,
          current: error.current && {
            questionKey: error.current.questionKey,
            level: error.current.level,
            rationale: error.current.rationale,
            revision: error.current.revision,
            updatedAt: error.current.updatedAt.toISOString(),
            updatedBy: error.current.assessor?.name ?? null,
          },
        })
        return
      }
      if (error instanceof ValidationError) {
        sendInvalid(res, error)
        return
      }
      throw error
    }
  }
}

function returnAssessment(services: Services): RequestHandler {
  return async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    await answering422(res, async () => {
      res.json({ state: await services.moderation.returnToBorough(signedInUser(req), idOf(req), body.comment) })
    })
  }
}

function completeModeration(services: Services): RequestHandler {
  return async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    await answering422(res, async () => {
      res.json({ state: await services.moderation.complete(signedInUser(req), idOf(req), body.comment) })
    })
  }
}
