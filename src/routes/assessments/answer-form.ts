import { createHash } from 'node:crypto'
import { EMPTY_ANSWER, checkAnswer, type AnswerContent } from '../../domain/assessment/answer'
import type { Question } from '../../domain/questionnaire/definition'
import { questionType } from '../../domain/questionnaire/types'
import { fieldId } from '../../presenters/assessments/answer.presenter'

/** One question's part of a theme page's form, as posted. */
export interface PostedAnswer {
  choice?: string
  value?: string | string[]
  evidence?: string
  revision?: string
  base?: string
  resolve?: string
}

const FIELD = /^answers\[([^\]]+)\]\[(choice|value|evidence|revision|base|resolve)\]$/

/** Groups the flat form fields `answers[KEY][part]` by question key. */
export function postedAnswers(body: unknown): Map<string, PostedAnswer> {
  const posted = new Map<string, PostedAnswer>()
  if (!body || typeof body !== 'object') return posted
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    const match = FIELD.exec(name)
    if (!match?.[1] || !match[2]) continue
    const entry = posted.get(match[1]) ?? {}
    const part = match[2] as keyof PostedAnswer
    if (part === 'value')
      entry.value = Array.isArray(raw)
        ? raw.filter((v): v is string => typeof v === 'string')
        : typeof raw === 'string'
          ? raw
          : undefined
    else if (typeof raw === 'string') entry[part] = raw
    posted.set(match[1], entry)
  }
  return posted
}

/** A short fingerprint of what a question's answer was when the page was drawn. */
export function fingerprint(content: AnswerContent): string {
  const normal = {
    level: content.level,
    value: Array.isArray(content.value) ? [...content.value].sort() : content.value,
    notApplicable: content.notApplicable,
    evidence: content.evidence,
  }
  return createHash('sha256').update(JSON.stringify(normal)).digest('base64url').slice(0, 22)
}

/** Turns the posted fields of one question into what the answer checks expect; its type reads its own fields. */
export function toAnswerBody(question: Question, posted: PostedAnswer): Record<string, unknown> {
  if (posted.choice === 'na') return { evidence: posted.evidence, notApplicable: true }
  return { evidence: posted.evidence, ...questionType(question).fromForm(question, posted) }
}

export interface ParsedAnswer {
  question: Question
  content?: AnswerContent
  /** The answer as the person left it on the page, even when it is not valid, to show it back. */
  shown: AnswerContent
  revision: number
  base: string
  resolve?: 'mine' | 'theirs'
  errors: { id: string; message: string }[]
}

export function parseAnswer(question: Question, posted: PostedAnswer | undefined): ParsedAnswer {
  const p = posted ?? {}
  const body = toAnswerBody(question, p)
  const checked = checkAnswer(question, body)
  const revision = Number(p.revision ?? '0')
  const shown: AnswerContent = checked.content ?? {
    ...EMPTY_ANSWER,
    level: typeof body.level === 'number' ? body.level : null,
    value: (body.value as AnswerContent['value']) ?? null,
    notApplicable: body.notApplicable === true,
    evidence: typeof body.evidence === 'string' ? body.evidence : null,
  }
  const id = fieldId(question.key)
  return {
    question,
    content: checked.content,
    shown,
    revision: Number.isSafeInteger(revision) && revision >= 0 ? revision : -1,
    base: p.base ?? '',
    resolve: p.resolve === 'theirs' ? 'theirs' : p.resolve === 'mine' ? 'mine' : undefined,
    errors: checked.problems.map(problem => ({
      id: problem.pointer === '/evidence' ? `${id}-evidence` : id,
      message: problem.message,
    })),
  }
}
