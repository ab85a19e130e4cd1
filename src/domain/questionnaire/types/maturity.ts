/** A maturity question: answered with a level of the scale, scored by it, and moderated by assessors. */
import { answerMessage } from '../answer-messages'
import { LEVEL_VALUES, type MaturityQuestion, type ScaleLevel } from '../definition'
import type { Finding } from '../validation-result'
import type { CheckedPart, QuestionTypeModule } from './question-type'
import { fromRadio, notApplicableItem, optionId, present } from './shared'

const LEVEL_KEYS = ['1', '2', '3', '4', '5'] as const
type LevelKey = (typeof LEVEL_KEYS)[number]

const levelName = (levels: readonly ScaleLevel[], level: number | null): string => {
  const found = levels.find(l => l.value === level)
  return found ? `${found.value}. ${found.name}` : String(level)
}

/** What this question says a level means, for the level given. */
const descriptor = (question: MaturityQuestion, level: number | null): string | undefined =>
  LEVEL_KEYS.find(k => k === String(level)) ? question.levels[String(level) as LevelKey] : undefined

export const maturity: QuestionTypeModule<MaturityQuestion> = {
  check(question, raw) {
    const problems: CheckedPart['problems'] = []
    let level: number | null = null
    if (present(raw.value))
      problems.push({ pointer: '/value', message: answerMessage(question, { kind: 'wrong-part', takes: 'level' }) })
    if (present(raw.level)) {
      if (typeof raw.level !== 'number' || !LEVEL_VALUES.includes(raw.level as 1))
        problems.push({ pointer: '/level', message: answerMessage(question, { kind: 'not-an-option' }) })
      else level = raw.level
    }
    return { level, value: null, problems }
  },

  fromForm: (_question, posted) => fromRadio(posted),

  scoring: {
    isScored: () => true,
    score: (_question, answer, moderated) => moderated ?? answer?.level ?? null,
  },

  respondentView(question, answer, { id, name, levels }) {
    return {
      kind: 'radios',
      name: `${name}[choice]`,
      small: false,
      items: levels.map((l, i) => ({
        id: optionId(id, i),
        value: `level:${l.value}`,
        label: `${l.value}. ${l.name}`,
        checked: answer?.level === l.value && !answer.notApplicable,
        hint: { id: `${optionId(id, i)}-item-hint`, text: question.levels[String(l.value) as LevelKey] },
      })),
      notApplicable: notApplicableItem(question, answer, id),
    }
  },

  assessorView: (question, answer, levels) => ({
    text: levelName(levels, answer.level),
    detail: descriptor(question, answer.level),
  }),

  exportCells: (_question, answer, moderated) => ({
    self: answer?.level ?? null,
    moderated: moderated ?? null,
    value: null,
  }),

  /** Each level must say what is different: two levels with one descriptor cannot be told apart. */
  checkDefinition(question, at) {
    const errors: Finding[] = []
    const seen = new Map<string, string>()
    for (const level of LEVEL_KEYS) {
      const text = question.levels[level].trim().toLowerCase()
      const same = seen.get(text)
      if (same)
        errors.push({
          pointer: `${at}/levels/${level}`,
          message: `repeats the descriptor of level ${same}: each level must say what is different`,
        })
      seen.set(text, level)
    }
    if (question.evidenceFromLevel !== undefined && question.evidence !== 'optional')
      errors.push({
        pointer: `${at}/evidenceFromLevel`,
        message: `needs "evidence": "optional": below level ${question.evidenceFromLevel} evidence is optional, from it evidence is needed`,
      })
    return errors
  },

  showIfAnswers: () => LEVEL_VALUES.map(value => ({ value, label: String(value) })),
}
