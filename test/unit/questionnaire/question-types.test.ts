import { checkAnswer, EMPTY_ANSWER, type AnswerContent } from '../../../src/domain/assessment/answer'
import { answersTable } from '../../../src/domain/export-rows'
import type {
  Question,
  QuestionnaireDefinition,
  ScaleLevel,
  TextQuestion,
} from '../../../src/domain/questionnaire/definition'
import {
  questionType,
  questionTypes,
  type AnswerWords,
  type QuestionTypeModule,
} from '../../../src/domain/questionnaire/types'
import { text as textType } from '../../../src/domain/questionnaire/types/text'
import { questionScore } from '../../../src/domain/scoring'
import { assessorView, questionView } from '../../../src/presenters/assessments/answer.presenter'
import { parseAnswer } from '../../../src/routes/assessments/answer-form'

const levels: ScaleLevel[] = ['Ad hoc', 'Emerging', 'Defined', 'Embedded', 'Leading'].map((name, i) => ({
  value: (i + 1) as 1,
  name,
  summary: name,
}))
const base = { prompt: 'Say?', required: true, weight: 1, allowNotApplicable: true, evidence: 'none' as const }
const options = [
  { value: 'yes', label: 'Yes', score: 4 },
  { value: 'no', label: 'No', score: 1 },
]
const questions = {
  maturity: {
    ...base,
    key: 'q.maturity',
    type: 'maturity',
    levels: { '1': 'None.', '2': 'Some.', '3': 'Agreed.', '4': 'Measured.', '5': 'Shared.' },
  },
  choice: { ...base, key: 'q.choice', type: 'choice', options },
  multi: {
    ...base,
    key: 'q.multi',
    type: 'multi',
    options: [
      { value: 'a', label: 'Alpha' },
      { value: 'b', label: 'Beta' },
      { value: 'none', label: 'None of these' },
    ],
  },
  checklist: {
    ...base,
    key: 'q.checklist',
    type: 'checklist',
    options: [
      { value: 'upload', label: 'Evidence upload' },
      { value: 'track', label: 'Status tracking' },
    ],
  },
  number: { ...base, key: 'q.number', type: 'number', min: 0, max: 100, unit: 'FTE' },
  text: { ...base, key: 'q.text', type: 'text', maxLength: 10 },
} satisfies { [T in Question['type']]: Extract<Question, { type: T }> }

const content = (part: Partial<AnswerContent>): AnswerContent => ({ ...EMPTY_ANSWER, ...part })
const view = (question: Question, answer?: AnswerContent, invalid = false) =>
  questionView(question, answer, {
    scale: { levels },
    idPrefix: 'answer',
    errors: invalid ? { fields: { [`answer-${question.key.replace(/\./g, '__')}`]: 'Wrong' } } : undefined,
  })
const theme = (question: Question) => ({ key: 'q.t', title: 'Theme', weight: 1, questions: [question] })
const definitionOf = (question: Question): QuestionnaireDefinition => ({
  ...{ key: 'd', version: 1, title: 'D', description: '', scale: { levels }, weakThreshold: 2.5 },
  dimensions: [{ key: 'q', title: 'Dim', description: '', weight: 1, themes: [theme(question)] }],
})
/** The Value, Self, Moderated and Final cells of the answers export for one answer. */
function exported(question: Question, answer: AnswerContent | undefined, moderated?: number) {
  const row = answersTable({
    definition: definitionOf(question),
    assessments: [
      {
        organisation: { gss: 'E09000001', name: 'City' },
        state: 'submitted',
        answers: new Map(answer ? [[question.key, answer]] : []),
        moderatedLevels: new Map(moderated ? [[question.key, moderated]] : []),
      },
    ],
  }).rows[0]!
  return { self: row[7], moderated: row[8], final: row[9], value: row[11] }
}
const score = (question: Question, answer: AnswerContent, moderated?: number) =>
  questionScore(question, {
    answers: new Map([[question.key, answer]]),
    moderatedLevels: new Map(moderated ? [[question.key, moderated]] : []),
    basis: 'final',
  })

interface Case {
  question: Question
  api: { good: [Record<string, unknown>, Partial<AnswerContent>]; bad: [Record<string, unknown>, string, string] }
  form: { good: [Record<string, unknown>, Partial<AnswerContent>]; bad: [Record<string, unknown>, string] }
  scores: [Partial<AnswerContent>, number | null, number?][]
  /** What the respondent's control is, for an answer: the partial it picks and what it prints. */
  view: [Partial<AnswerContent>, Record<string, unknown>]
  words: [Partial<AnswerContent>, Partial<AnswerWords>][]
  /** An answer, the moderated level if any, and the Self, Moderated, Final and Value cells. */
  cells: [Partial<AnswerContent>, number | undefined, ReturnType<typeof exported>][]
}

const cases: Record<Question['type'], Case> = {
  maturity: {
    question: questions.maturity,
    api: {
      good: [{ level: 4 }, { level: 4 }],
      bad: [{ value: 'yes' }, '/value', 'Maturity takes a maturity level from 1 to 5, not a value'],
    },
    form: {
      good: [{ choice: 'level:2' }, { level: 2 }],
      bad: [{ choice: 'level:9' }, 'Select a maturity level for maturity'],
    },
    scores: [
      [{ level: 3 }, 3],
      [{ level: 3 }, 5, 5],
      [{}, null],
    ],
    view: [{ level: 1 }, { kind: 'radios', name: 'answers[q.maturity][choice]', small: false }],
    words: [[{ level: 2 }, { text: '2. Emerging', detail: 'Some.' }]],
    cells: [
      [{ level: 2 }, 4, { self: 2, moderated: 4, final: 4, value: null }],
      [{ notApplicable: true }, 4, { self: null, moderated: 4, final: null, value: null }],
    ],
  },
  choice: {
    question: questions.choice,
    api: {
      good: [{ value: 'no' }, { value: 'no' }],
      bad: [{ value: 'maybe' }, '/value', 'Select an answer for choice'],
    },
    form: {
      good: [{ choice: 'value:yes' }, { value: 'yes' }],
      bad: [{ choice: 'level:3' }, 'Choice takes a value, not a level'],
    },
    scores: [
      [{ value: 'yes' }, 4],
      [{ value: 'no' }, 1, 5],
      [{}, null],
    ],
    view: [{ value: 'yes' }, { kind: 'radios', name: 'answers[q.choice][choice]', small: true }],
    words: [[{ value: 'yes' }, { text: 'Yes' }]],
    cells: [[{ value: 'yes' }, undefined, { self: null, moderated: null, final: null, value: 'Yes' }]],
  },
  multi: {
    question: questions.multi,
    api: {
      good: [{ value: ['b', 'a', 'b'] }, { value: ['b', 'a'] }],
      bad: [{ value: ['a', 'none'] }, '/value', 'Select “None of these” or other options for multi, not both'],
    },
    form: {
      good: [{ value: ['a', 'b'] }, { value: ['a', 'b'] }],
      bad: [{ value: 'c' }, 'Select at least one option for multi'],
    },
    scores: [[{ value: ['a'] }, null]],
    view: [{ value: ['a'] }, { kind: 'checkboxes', name: 'answers[q.multi][value]' }],
    words: [[{ value: ['a', 'b'] }, { text: 'Alpha, Beta' }]],
    cells: [[{ value: ['a', 'b'] }, undefined, { self: null, moderated: null, final: null, value: 'Alpha; Beta' }]],
  },
  checklist: {
    question: questions.checklist,
    api: {
      good: [{ value: ['track', 'upload', 'track'] }, { value: ['track', 'upload'] }],
      bad: [
        { value: ['upload', 'none'] },
        '/value',
        'Select “None of these yet” or other options for checklist, not both',
      ],
    },
    form: {
      good: [{ value: 'none' }, { value: ['none'] }],
      bad: [{ value: 'scan' }, 'Tick what checklist can do today, or “None of these yet”'],
    },
    scores: [[{ value: ['upload', 'track'] }, null]],
    view: [{ value: ['track'] }, { kind: 'checkboxes', name: 'answers[q.checklist][value]' }],
    words: [
      [{ value: ['upload'] }, { text: '1 of 2: Evidence upload' }],
      [{ value: ['none'] }, { text: 'None of these yet' }],
    ],
    cells: [[{ value: ['none'] }, undefined, { self: null, moderated: null, final: null, value: 'None of these yet' }]],
  },
  number: {
    question: questions.number,
    api: {
      good: [{ value: '1,2.5' }, { value: 12.5 }],
      bad: [{ value: 101 }, '/value', 'Number must be between 0 and 100'],
    },
    form: {
      good: [{ value: ' 12 ' }, { value: 12 }],
      bad: [{ value: 'lots' }, 'Enter number as a number, like 12 or 3.5'],
    },
    scores: [[{ value: 12 }, null]],
    view: [{ value: 12 }, { kind: 'number', id: 'answer-q__number', value: '12', unit: 'FTE', inputmode: 'decimal' }],
    words: [[{ value: 12 }, { text: '12 FTE' }]],
    cells: [[{ value: 12 }, undefined, { self: null, moderated: null, final: null, value: 12 }]],
  },
  text: {
    question: questions.text,
    api: { good: [{ value: 'Hello' }, { value: 'Hello' }], bad: [{ value: 3 }, '/value', 'Enter text as text'] },
    form: {
      good: [{ value: '   ' }, { value: null }],
      bad: [{ value: 'x'.repeat(11) }, 'Text must be 10 characters or fewer'],
    },
    scores: [[{ value: 'Hello' }, null]],
    view: [
      { value: 'Hi' },
      {
        kind: 'text',
        value: 'Hi',
        limit: { id: 'answer-q__text-info', text: 'You can enter up to 10 characters', maxLength: 10 },
      },
    ],
    words: [[{ value: 'Hello' }, { text: 'Hello' }]],
    cells: [[{ value: 'Hello' }, undefined, { self: null, moderated: null, final: null, value: 'Hello' }]],
  },
}

describe.each(Object.entries(cases))('a %s question', (type, c) => {
  const { question } = c
  it('is in the registry under its own type', () => expect(questionType(question)).toBe(questionTypes[question.type]))

  it('checks an API body: clean content, or the pointer and message the caller sees', () => {
    expect(checkAnswer(question, c.api.good[0])).toEqual({ content: content(c.api.good[1]), problems: [] })
    const [body, pointer, message] = c.api.bad
    expect(checkAnswer(question, body).problems).toEqual([{ pointer, message }])
  })

  it('reads its form fields: clean content, or the message the respondent sees linked to the field', () => {
    expect(parseAnswer(question, c.form.good[0]).content).toEqual(content(c.form.good[1]))
    const parsed = parseAnswer(question, c.form.bad[0])
    expect(parsed.content).toBeUndefined()
    expect(parsed.errors).toEqual([{ id: `answer-q__${type}`, message: c.form.bad[1] }])
  })

  it('scores as the published rule says, and never when not applicable', () => {
    for (const [answer, expected, moderated] of c.scores)
      expect(score(question, content(answer), moderated)).toBe(expected)
    expect(score(question, content({ notApplicable: true }))).toBe('n/a')
  })

  it('shows a respondent a finished control, its partial named by kind', () => {
    const [answer, control] = c.view
    const v = view(question, content(answer))
    expect(v.kind).toBe(control.kind)
    expect(v.control).toMatchObject(control)
  })

  it('tells an assessor the answer in words', () => {
    for (const [answer, words] of c.words) expect(assessorView(question, content(answer), levels)).toMatchObject(words)
    expect(assessorView(question, undefined, levels)).toEqual({ text: 'Not answered', given: false })
    expect(assessorView(question, content({ notApplicable: true }), levels).text).toBe('Not applicable')
  })

  it('fills its export cells', () => {
    for (const [answer, moderated, cells] of c.cells)
      expect(exported(question, content(answer), moderated)).toEqual(cells)
    expect(exported(question, undefined).value).toBeNull()
  })
})

describe('respondent view models', () => {
  it('maturity: radios of the scale, each with this question’s descriptor, and “not applicable”', () => {
    const v = view(questions.maturity, content({ level: 3 }))
    if (v.control.kind !== 'radios') throw new Error('expected radios')
    expect(v.kind).toBe('radios')
    expect(v.control.name).toBe('answers[q.maturity][choice]')
    expect(v.control.items[2]).toEqual({
      id: 'answer-q__maturity-2',
      value: 'level:3',
      label: '3. Defined',
      checked: true,
      hint: { id: 'answer-q__maturity-2-item-hint', text: 'Agreed.' },
    })
    expect(v.control.notApplicable).toMatchObject({ id: 'answer-q__maturity-na', value: 'na', checked: false })
  })

  it('multi: checkboxes, with a last “none” option exclusive', () => {
    const v = view(questions.multi, content({ value: ['b'] }))
    if (v.control.kind !== 'checkboxes') throw new Error('expected checkboxes')
    expect(v.control.name).toBe('answers[q.multi][value]')
    expect(v.control.items.map(i => [i.value, i.checked, i.exclusive])).toEqual([
      ['a', false, false],
      ['b', true, false],
      ['none', false, true],
    ])
  })

  it('number: the typed text shown back, its unit, and whether it is in error', () => {
    expect(view(questions.number, content({ value: 'lots' }), true).control).toEqual({
      kind: 'number',
      id: 'answer-q__number',
      name: 'answers[q.number][value]',
      value: 'lots',
      unit: 'FTE',
      inputmode: 'decimal',
      invalid: true,
    })
  })

  it('finishes what every type shares: label, hint, error and the ids that tie them together', () => {
    const question = { ...questions.text, required: false, hint: 'Briefly', evidence: 'required' as const }
    const v = view(question, undefined, true)
    expect(v).toMatchObject({
      label: 'Say? (optional)',
      hint: { id: 'answer-q__text-hint', text: 'Briefly' },
      error: { id: 'answer-q__text-error', text: 'Wrong' },
      describedBy: 'answer-q__text-hint answer-q__text-error',
    })
    expect(v.evidence?.hint.text).toBe('Documents, links or examples that show this: needed before you submit')
  })
})

describe('the registry', () => {
  it('has a module for every type, each with every behaviour', () => {
    expect(Object.keys(questionTypes).sort()).toEqual(['checklist', 'choice', 'maturity', 'multi', 'number', 'text'])
    for (const m of Object.values(questionTypes)) {
      for (const f of [
        'check',
        'fromForm',
        'respondentView',
        'assessorView',
        'exportCells',
        'checkDefinition',
      ] as const)
        expect(typeof m[f]).toBe('function')
    }
  })

  it('refuses, at compile time, a module that misses a behaviour', () => {
    // @ts-expect-error exportCells is required: a type must say how it is exported.
    const incomplete: QuestionTypeModule<TextQuestion> = { ...textType, exportCells: undefined }
    expect(incomplete).toBeDefined()
  })
})
