import type { CarryOverResult } from '../../services/assessments/assessment.service'

/** A message shown once on the next page, as the layout's flash banner prints it. */
export interface FlashMessage {
  type: 'success' | 'important'
  heading: string
  body?: string
  items?: string[]
}

const answers = (n: number): string => `${n} answer${n === 1 ? '' : 's'}`
const questions = (n: number): string => (n === 1 ? '1 question' : `${n} questions`)

/** After taking last round's answers: how many were carried, and which questions kept this round's answer. */
export function carriedFlash(result: CarryOverResult): FlashMessage {
  const confirm = 'Each is marked “confirm or change”: check each one before you submit.'
  const heading =
    result.carried === 0
      ? `No answers carried over from ${result.from}`
      : `${answers(result.carried)} carried over from ${result.from}`
  if (result.kept.length === 0) return { type: 'success', heading, body: confirm }
  const kept = `${questions(result.kept.length)} you had already answered ${result.kept.length === 1 ? 'was' : 'were'} kept as ${result.kept.length === 1 ? 'it is' : 'they are'}:`
  return {
    type: 'success',
    heading,
    body: result.carried === 0 ? kept : `${confirm} ${kept}`,
    items: result.kept.map(k => k.prompt),
  }
}

/** After starting without last round's answers. */
export function declinedFlash(from: string): FlashMessage {
  return {
    type: 'success',
    heading: `You are starting without ${from}’s answers`,
    body: 'Nothing was carried over. The offer has gone for everyone in your council.',
  }
}
