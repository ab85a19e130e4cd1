import type { Page } from 'playwright-core'
import type { Question } from '../../../src/domain/questionnaire/definition'
import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { fieldId } from '../../../src/presenters/assessments/answer.presenter'
import { assessmentOf, createRound } from '../../support/rounds'
import { PASSWORD, type TestApp } from '../../support/test-app'
import { expectAxeClean } from '../support/axe'
import { startE2eApp, type E2eApp } from '../support/browser'
import { screenshot } from '../support/screenshot'
import { signIn } from '../support/sign-in'

/** Building the app's database and launching Chromium can be slow on a busy machine. */
const START_TIMEOUT = 120_000
/** A whole questionnaire answered key by key, with axe on every page, takes minutes on two cores. */
const JOURNEY_TIMEOUT = 1_200_000
const TEST_TIMEOUT = 300_000
const ROUND = 'London 2026 to 2027'
const OFFLINE = 'Not saved yet: you seem to be offline. Your changes will be saved when the connection returns.'
// The test clock stands at 10:00 GMT on 27 November 2026: every save happens then.
const SAVED = 'Saved at 10am'

/** Where focus should go: a field by id or name, or a link or button by (part of) its text. */
type FocusTarget = { id: string } | { name: string } | { text: string }

function focusIs(page: Page, target: FocusTarget): Promise<boolean> {
  return page.evaluate(t => {
    const element = document.activeElement
    if (!element || element === document.body) return false
    if ('id' in t) return element.id === t.id
    if ('name' in t) return element.getAttribute('name') === t.name
    const text = element.textContent.replace(/\s+/g, ' ').trim()
    return (element.tagName === 'A' || element.tagName === 'BUTTON') && text.includes(t.text)
  }, target)
}

/** Presses Tab (or Shift+Tab) until focus reaches the target, as a keyboard user moves through a page. */
async function tabTo(page: Page, target: FocusTarget, { key = 'Tab', max = 200 } = {}): Promise<void> {
  for (let presses = 0; presses <= max; presses++) {
    if (await focusIs(page, target)) return
    await page.keyboard.press(key)
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200))
  throw new Error(`${key} pressed ${max} times on ${page.url()} without reaching ${JSON.stringify(target)}: at ${at}`)
}

/** Presses a key that follows a link or submits a form, and waits for the page that comes back. */
async function pressForNewPage(page: Page, key = 'Enter'): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.keyboard.press(key)])
}

async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path)
  expect(response?.status()).toBe(status)
}

const pathOf = (page: Page): string => new URL(page.url()).pathname
const choiceName = (key: string): string => `answers[${key}][choice]`

const checkedValue = (page: Page, name: string): Promise<string | null> =>
  page.evaluate(n => document.querySelector<HTMLInputElement>(`input[name="${n}"]:checked`)?.value ?? null, name)

/** With focus in a radio group: Space selects the focused radio, then the arrow keys move to the one wanted. */
async function chooseRadio(page: Page, name: string, value: string): Promise<void> {
  if ((await checkedValue(page, name)) === null) await page.keyboard.press('Space')
  for (let presses = 0; presses < 12 && (await checkedValue(page, name)) !== value; presses++) {
    await page.keyboard.press('ArrowDown')
  }
  expect(await checkedValue(page, name)).toBe(value)
}

/** Replaces what is in the focused text field, from the keyboard. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
}

/** The error summary, once GOV.UK Frontend has moved focus to it. */
async function focusedErrorSummary(page: Page): Promise<string> {
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
  await summary.waitFor()
  await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary') === true)
  return summary.innerText()
}

/** Signs in from the keyboard only: Tab to the email field, type, Tab, type, Enter. */
async function signInByKeyboard(page: Page, email: string): Promise<void> {
  await visit(page, '/login')
  await tabTo(page, { id: 'email' })
  await page.keyboard.type(email)
  await page.keyboard.press('Tab')
  expect(await focusIs(page, { id: 'password' })).toBe(true)
  await page.keyboard.type(PASSWORD)
  await pressForNewPage(page)
  expect(pathOf(page)).toBe('/')
}

/** What the journey answers to each question. */
interface Plan {
  choice?: string
  options?: string[]
  typed?: string
  evidence?: string
}

const CONTEXT_PLAN: Record<string, Plan> = {
  'foundations.context.digital-team-size': { typed: '85' },
  'foundations.context.digital-budget-share': { typed: '3.5' },
  'foundations.context.cloud-hosted-share': { typed: '40' },
  'foundations.context.line-of-business-systems': { typed: '120' },
  'foundations.context.shared-ict': { choice: 'value:yes' },
  'foundations.context.shared-ict-partners': { typed: 'Islington and Camden: a shared revenues and benefits system.' },
  'foundations.context.shared-platforms': { options: ['gov-uk-notify', 'gov-uk-pay', 'localgov-drupal'] },
  'foundations.context.anything-else': { typed: 'A new chief digital officer starts in January.' },
}
const NOT_APPLICABLE = 'services.parking-highways.end-to-end'

function planFor(question: Question, index: number): Plan {
  if (question.type !== 'maturity') {
    const plan = CONTEXT_PLAN[question.key]
    if (!plan) throw new Error(`no plan for ${question.key}`)
    return plan
  }
  const choice = question.key === NOT_APPLICABLE ? 'na' : `level:${(index % 5) + 1}`
  if (question.evidence === 'required') return { choice, evidence: `Cyber and data audit, October 2026 (${index})` }
  if (question.evidence === 'optional' && index % 4 === 0) return { choice, evidence: `Board paper ${index}` }
  return { choice }
}

/** Answers one question from the keyboard, arriving at each of its fields with Tab. */
async function answerByKeyboard(page: Page, question: Question, plan: Plan): Promise<void> {
  const id = fieldId(question.key)
  if (question.type === 'maturity' || question.type === 'choice') {
    await tabTo(page, { name: choiceName(question.key) })
    await chooseRadio(page, choiceName(question.key), plan.choice ?? '')
  } else if (question.type === 'multi') {
    for (const [i, option] of question.options.entries()) {
      await tabTo(page, { id: i === 0 ? id : `${id}-${i}` })
      if (plan.options?.includes(option.value)) await page.keyboard.press('Space')
    }
  } else {
    await tabTo(page, { id })
    await page.keyboard.type(plan.typed ?? '')
  }
  if (plan.evidence !== undefined) {
    await tabTo(page, { id: `${id}-evidence` })
    await page.keyboard.type(plan.evidence)
  }
}

/** Uncaught script errors and unexpected dialogs (such as "leave site?") fail the test that caused them. */
function watch(page: Page): { errors: string[]; dialogs: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[] }
  page.on('pageerror', error => seen.errors.push(error.message))
  page.on('dialog', dialog => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.accept()
  })
  return seen
}

async function definitionOf(t: TestApp): Promise<QuestionnaireDefinition> {
  return (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
}

describe('a whole assessment, from the keyboard alone, in a real browser', () => {
  let e2e: E2eApp | undefined
  let assessmentId = 0
  let email = ''

  beforeAll(async () => {
    e2e = await startE2eApp()
    const roundId = await createRound(e2e.testApp, { name: ROUND, organisations: ['hackney'] })
    assessmentId = await assessmentOf(e2e.testApp, roundId, 'hackney')
    email = (await e2e.testApp.createUser('respondent', { organisation: 'hackney' })).email
  }, START_TIMEOUT)

  afterAll(async () => {
    await e2e?.close()
  })

  test(
    'a Hackney respondent answers every question, checks, submits and sees the history; every page is axe-clean',
    async () => {
      if (!e2e) throw new Error('the app did not start')
      const t = e2e.testApp
      const definition = await definitionOf(t)
      const themes = definition.dimensions.flatMap(d => d.themes)
      const page = await e2e.newPage()
      page.setDefaultTimeout(60_000)
      const seen = watch(page)
      const axeChecked = new Set<string>()
      const axe = async (name: string) => {
        await expectAxeClean(page)
        axeChecked.add(name)
      }

      await signInByKeyboard(page, email)
      await axe('home')
      await tabTo(page, { text: 'Assessments' })
      await pressForNewPage(page)
      expect(pathOf(page)).toBe('/assessments')
      await axe('assessments')
      await tabTo(page, { text: ROUND })
      await pressForNewPage(page)
      expect(pathOf(page)).toBe(`/assessments/${assessmentId}`)
      expect(await page.locator('main').innerText()).toContain('You have completed 0 of 24 themes')
      await screenshot(page, 'journey-task-list')
      await axe('task list')

      // Checking before answering anything lists every required question, each linked to its page.
      await tabTo(page, { text: 'Check your answers and submit' })
      await pressForNewPage(page)
      await axe('check answers, nothing answered')
      await tabTo(page, { id: 'declaration' })
      await page.keyboard.press('Space')
      await tabTo(page, { text: 'Submit assessment' })
      await pressForNewPage(page)
      // Not a link for each of 42 questions but one for each theme, saying how many it still needs.
      const incomplete = await focusedErrorSummary(page)
      expect(incomplete).toContain('You have not answered 42 questions.')
      const firstLink = `${themes[0]!.title}: 1 question not answered`
      expect(incomplete).toContain(firstLink)
      const withRequired = themes.filter(theme => theme.questions.some(q => q.required && !q.showIf))
      expect(await page.locator('.govuk-error-summary__list li').count()).toBe(withRequired.length)
      await screenshot(page, 'journey-submit-incomplete')
      await axe('check answers, incomplete')

      // The first error's link leads to the first section; from there "Save and continue" goes through them all.
      await page.keyboard.press('Tab')
      expect(await focusIs(page, { text: firstLink })).toBe(true)
      await pressForNewPage(page)
      let index = 0
      for (const [position, theme] of themes.entries()) {
        expect(pathOf(page)).toBe(`/assessments/${assessmentId}/themes/${encodeURIComponent(theme.key)}`)
        await page.getByRole('heading', { level: 1, name: theme.title }).waitFor()
        for (const question of theme.questions) {
          const plan = planFor(question, index++)
          if (question.showIf) expect(await page.locator(`#${fieldId(question.key)}`).isVisible()).toBe(true)
          await answerByKeyboard(page, question, plan)
        }
        // Autosave has been at work all along: wait for it so the screenshot shows its message.
        await page.locator('[data-autosave-status]', { hasText: SAVED }).waitFor()
        await axe(`theme ${theme.key}`)
        if (theme.key === 'leadership.collaboration') await screenshot(page, 'journey-theme-maturity')
        if (theme.key === 'foundations.cyber') await screenshot(page, 'journey-theme-evidence-required')
        if (theme.key === 'foundations.context') await screenshot(page, 'journey-theme-context')
        await tabTo(page, { text: 'Save and continue' })
        await pressForNewPage(page)
        const next = themes[position + 1]
        const expected = next
          ? `/assessments/${assessmentId}/themes/${encodeURIComponent(next.key)}`
          : `/assessments/${assessmentId}/check`
        if (pathOf(page) !== expected)
          throw new Error(`after ${theme.key}, arrived at ${page.url()}: ${await page.locator('main').innerText()}`)
      }

      // Check your answers: everything answered, in words.
      await page.getByRole('heading', { level: 1, name: 'Check your answers before submitting' }).waitFor()
      const check = await page.locator('main').innerText()
      expect(check).not.toContain('Not answered')
      expect(check).toContain('Not applicable')
      expect(check).toContain('GOV.UK Notify, GOV.UK Pay, LocalGov Drupal')
      expect(check).toContain('3.5 %')
      await screenshot(page, 'journey-check-answers')
      await axe('check answers, complete')

      // Submitting without the declaration is refused; the error's link takes focus to the checkbox.
      await tabTo(page, { text: 'Submit assessment' })
      await pressForNewPage(page)
      expect(await focusedErrorSummary(page)).toContain('Confirm the declaration to submit the assessment')
      await screenshot(page, 'journey-submit-error')
      await axe('check answers, declaration missing')
      await page.keyboard.press('Tab')
      expect(await focusIs(page, { text: 'Confirm the declaration' })).toBe(true)
      await page.keyboard.press('Enter')
      await page.waitForFunction(() => document.activeElement?.id === 'declaration')
      await page.keyboard.press('Space')
      expect(await page.locator('#declaration').isChecked()).toBe(true)
      await tabTo(page, { text: 'Submit assessment' })
      await pressForNewPage(page)

      expect(pathOf(page)).toBe(`/assessments/${assessmentId}/submitted`)
      await page.getByRole('heading', { level: 1, name: 'Assessment submitted' }).waitFor()
      await screenshot(page, 'journey-confirmation')
      await axe('confirmation')

      await tabTo(page, { text: 'Back to your assessment' })
      await pressForNewPage(page)
      expect(await page.locator('main').innerText()).toContain('You have completed 24 of 24 themes')
      await axe('task list, submitted')
      await tabTo(page, { text: 'See the history of changes' })
      await pressForNewPage(page)
      await page.getByRole('heading', { level: 1, name: 'History of changes' }).waitFor()
      const history = await page.locator('main').innerText()
      expect(history).toContain('Started the assessment')
      expect(history).toContain('Submitted the assessment')
      await screenshot(page, 'journey-history')
      await axe('history')

      // What the service stored is what was typed and chosen.
      expect((await t.repos.assessments.findById(assessmentId))?.state).toBe('submitted')
      const stored = new Map((await t.repos.assessments.answers(assessmentId)).map(a => [a.questionKey, a]))
      let n = 0
      for (const question of themes.flatMap(theme => theme.questions)) {
        const plan = planFor(question, n++)
        const answer = stored.get(question.key)
        if (plan.choice === 'na') expect(answer?.notApplicable).toBe(true)
        else if (plan.choice?.startsWith('level:')) expect(answer?.level).toBe(Number(plan.choice.slice(6)))
        else if (plan.choice) expect(answer?.value).toBe(plan.choice.slice(6))
        else if (plan.options) expect([...((answer?.value as string[] | undefined) ?? [])].sort()).toEqual(plan.options)
        else if (question.type === 'number') expect(answer?.value).toBe(Number(plan.typed))
        else expect(answer?.value).toBe(plan.typed)
        expect(answer?.evidence ?? undefined).toBe(plan.evidence)
      }

      expect(axeChecked.size).toBeGreaterThanOrEqual(themes.length + 10)
      expect(seen.errors).toEqual([])
      expect(seen.dialogs).toEqual([])
    },
    JOURNEY_TIMEOUT,
  )
})

describe('autosave, conflicts and conditional questions, with JavaScript', () => {
  let e2e: E2eApp | undefined
  let assessmentId = 0
  let roundId = 0
  const officers: string[] = []

  const app = (): E2eApp => {
    if (!e2e) throw new Error('the app did not start')
    return e2e
  }
  const themePath = (key: string): string => `/assessments/${assessmentId}/themes/${encodeURIComponent(key)}`
  const status = (page: Page, text: string | RegExp) => page.locator('[data-autosave-status]', { hasText: text })

  async function stored(key: string) {
    return (await app().testApp.repos.assessments.answers(assessmentId)).find(a => a.questionKey === key)
  }

  /** Waits until the stored answer passes `test`: autosave runs in the background. */
  async function storedWhen(key: string, test: (a: Awaited<ReturnType<typeof stored>>) => boolean) {
    const until = Date.now() + 30_000
    for (;;) {
      const answer = await stored(key)
      if (test(answer)) return answer
      if (Date.now() > until) throw new Error(`answer ${key} is ${JSON.stringify(answer)}`)
      await new Promise(resolve => setTimeout(resolve, 200))
    }
  }

  async function officerPage(who: number): Promise<Page> {
    const page = await app().newPage()
    page.setDefaultTimeout(60_000)
    await signIn(page, officers[who]!)
    return page
  }

  beforeAll(async () => {
    e2e = await startE2eApp()
    roundId = await createRound(e2e.testApp, { name: ROUND, organisations: ['hackney'] })
    assessmentId = await assessmentOf(e2e.testApp, roundId, 'hackney')
    for (let i = 0; i < 2; i++)
      officers.push((await e2e.testApp.createUser('respondent', { organisation: 'hackney' })).email)
  }, START_TIMEOUT)

  afterAll(async () => {
    await e2e?.close()
  })

  test(
    'a level chosen from the keyboard is saved without submitting, and survives a reload',
    async () => {
      const page = await officerPage(0)
      const seen = watch(page)
      const key = 'leadership.collaboration.cross-borough'
      await visit(page, themePath('leadership.collaboration'))
      await tabTo(page, { name: choiceName(key) })
      await chooseRadio(page, choiceName(key), 'level:3')
      await status(page, SAVED).waitFor()
      expect(pathOf(page)).toBe(themePath('leadership.collaboration'))
      await storedWhen(key, a => a?.level === 3)
      expect(await status(page, SAVED).innerText()).toBe(SAVED)
      await screenshot(page, 'autosave-saved')
      await expectAxeClean(page)

      await page.reload()
      expect(await checkedValue(page, choiceName(key))).toBe('level:3')
      expect(seen.errors).toEqual([])
      expect(seen.dialogs).toEqual([])
    },
    TEST_TIMEOUT,
  )

  test(
    'offline, a change waits with a message, and is saved once the connection returns',
    async () => {
      const page = await officerPage(0)
      const seen = watch(page)
      const key = 'leadership.collaboration.collaborative-procurement'
      await visit(page, themePath('leadership.collaboration'))

      await page.context().setOffline(true)
      await tabTo(page, { name: choiceName(key) })
      await chooseRadio(page, choiceName(key), 'level:2')
      await status(page, OFFLINE).waitFor()
      expect(await status(page, OFFLINE).innerText()).toBe(OFFLINE)
      await screenshot(page, 'autosave-offline')
      expect(await stored(key)).toBeUndefined()

      await page.context().setOffline(false)
      await status(page, SAVED).waitFor()
      await storedWhen(key, a => a?.level === 2)
      const api = await page.request.get(`/api/v1/assessments/${assessmentId}`)
      expect(api.status()).toBe(200)
      const body = (await api.json()) as { answers: { questionKey: string; level?: number }[] }
      expect(body.answers).toContainEqual(expect.objectContaining({ questionKey: key, level: 2 }))
      // The page's own earlier answer is still there, untouched.
      expect(body.answers).toContainEqual(
        expect.objectContaining({ questionKey: 'leadership.collaboration.cross-borough', level: 3 }),
      )
      expect(seen.errors).toEqual([])
    },
    TEST_TIMEOUT,
  )

  test(
    'a number the server rejects shows its message beside the field until it is put right',
    async () => {
      const page = await officerPage(0)
      const seen = watch(page)
      const key = 'foundations.context.digital-team-size'
      const id = fieldId(key)
      await visit(page, themePath('foundations.context'))
      // GOV.UK Frontend's character count has started: the limit's hint gives way to a live count.
      const limitId = `${fieldId('foundations.context.anything-else')}-info`
      const limit = page.locator(`#${limitId}`)
      expect(await limit.textContent()).toBe('You can enter up to 2,000 characters')
      await page
        .locator(`#${limitId} + .govuk-character-count__status`, { hasText: '2,000 characters remaining' })
        .waitFor()
      expect(await limit.getAttribute('class')).toContain('govuk-visually-hidden')
      await tabTo(page, { id })
      await page.keyboard.type('a dozen')
      await page.keyboard.press('Tab')
      const error = page.locator(`#${id}-autosave-error`)
      await error.waitFor()
      // The words the server's own error summary would use, were the form posted without JavaScript.
      const message = 'Enter digital team size as a number, like 12 or 3.5'
      expect((await error.textContent())?.replace(/\s+/g, ' ').trim()).toBe(`Error: ${message}`)
      expect(await page.locator(`#${id}`).getAttribute('aria-describedby')).toContain(`${id}-autosave-error`)
      await status(page, `Not saved: ${message}.`).waitFor()
      await screenshot(page, 'autosave-invalid-number')
      await expectAxeClean(page)

      // Another answer on the page saves: the status says which one still has not, never just "Saved".
      await tabTo(page, { id: fieldId('foundations.context.digital-budget-share') })
      await page.keyboard.type('4')
      await page.keyboard.press('Tab')
      await status(page, 'Your other changes were saved at 10am').waitFor()
      expect(await status(page, 'Not saved').innerText()).toMatch(
        /^Not saved: “How many full-time equivalent staff[^”]*”: see the message beside it\. Your other changes/,
      )
      await storedWhen('foundations.context.digital-budget-share', a => a?.value === 4)

      await tabTo(page, { id }, { key: 'Shift+Tab' })
      await retype(page, '12')
      await status(page, SAVED).waitFor()
      await error.waitFor({ state: 'detached' })
      expect(await page.locator('.app-question.govuk-form-group--error').count()).toBe(0)
      await storedWhen(key, a => a?.value === 12)

      // A count takes whole numbers: a digits-only keypad, and 42.5 systems refused in the server's words.
      const count = fieldId('foundations.context.line-of-business-systems')
      expect(await page.locator(`#${count}`).getAttribute('inputmode')).toBe('numeric')
      await tabTo(page, { id: count })
      await retype(page, '42.5')
      await page.keyboard.press('Tab')
      const countError = page.locator(`#${count}-autosave-error`)
      await countError.waitFor()
      expect((await countError.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
        'Error: Enter the number of line of business systems as a whole number, like 12',
      )
      await tabTo(page, { id: count }, { key: 'Shift+Tab' })
      await retype(page, '42')
      await page.keyboard.press('Tab')
      await status(page, SAVED).waitFor()
      await storedWhen('foundations.context.line-of-business-systems', a => a?.value === 42)
      expect(seen.errors).toEqual([])
    },
    TEST_TIMEOUT,
  )

  test(
    'two officers change the same answer: the one with the stale page is told who saved what, then chooses on the server’s page',
    async () => {
      const [a, b] = await Promise.all([officerPage(0), officerPage(1)])
      const seenA = watch(a)
      const theme = 'culture.skills'
      const key = 'culture.skills.workforce-skills'
      const name = choiceName(key)
      await Promise.all([visit(a, themePath(theme)), visit(b, themePath(theme))])

      // Officer B changes the answer, and it saves itself.
      await tabTo(b, { name })
      await chooseRadio(b, name, 'level:2')
      await status(b, SAVED).waitFor()
      const theirs = await storedWhen(key, x => x?.level === 2)
      const officerB = theirs?.updatedBy?.name ?? ''
      expect(officerB).toMatch(/^Test respondent/)

      // Officer A, on the page opened before B's change, changes it too.
      await tabTo(a, { name })
      await chooseRadio(a, name, 'level:4')
      const note = a.locator(`#${fieldId(key)}-autosave-conflict`)
      await note.waitFor()
      expect(await note.innerText()).toContain('Someone else changed this answer while you were editing')
      expect(await note.innerText()).toContain(`${officerB} saved “2. Emerging” at 10am`)
      expect(await status(a, officerB).innerText()).toContain(`${officerB} saved “2. Emerging” at 10am`)
      expect((await stored(key))?.level).toBe(2)
      await screenshot(a, 'autosave-conflict')
      await expectAxeClean(a)

      // A's later changes to that answer wait for the form: nothing more is sent for it.
      const puts: string[] = []
      a.on('request', request => {
        if (request.method() === 'PUT') puts.push(request.url())
      })
      await a.keyboard.press('ArrowDown')
      expect(await checkedValue(a, name)).toBe('level:5')
      await a.keyboard.press('ArrowUp')
      expect(await checkedValue(a, name)).toBe('level:4')

      // "Save and continue" posts the form: the server shows both answers and lets A choose.
      await tabTo(a, { text: 'Save and continue' })
      const [response] = await Promise.all([
        a.waitForResponse(r => r.request().method() === 'POST' && new URL(r.url()).pathname === themePath(theme)),
        pressForNewPage(a),
      ])
      expect(response.status()).toBe(409)
      expect(puts).toEqual([])
      expect(await focusedErrorSummary(a)).toContain('someone else changed this answer while you were editing')
      const conflict = a.locator(`#${fieldId(key)}-conflict`)
      expect(await conflict.innerText()).toContain('Someone else changed this answer while you were editing')
      expect(await conflict.innerText()).toContain(`${officerB} saved 2. Emerging at 10am. Your answer is shown below.`)
      expect(await checkedValue(a, name)).toBe('level:4')
      expect(await checkedValue(a, `answers[${key}][resolve]`)).toBe('mine')
      await screenshot(a, 'conflict-page')
      await expectAxeClean(a)

      // A keeps their own answer.
      await tabTo(a, { text: 'Save and continue' })
      await pressForNewPage(a)
      expect(pathOf(a)).toBe(themePath('culture.ways-of-working'))
      expect((await stored(key))?.level).toBe(4)
      expect(seenA.errors).toEqual([])
      expect(seenA.dialogs).toEqual([])
    },
    TEST_TIMEOUT,
  )

  test(
    'the shared-ICT partners question shows only while the answer before it is “yes” or “planned”',
    async () => {
      const page = await officerPage(1)
      const seen = watch(page)
      const choice = choiceName('foundations.context.shared-ict')
      const partners = page.locator('[data-show-if-question="foundations.context.shared-ict"]')
      const partnersField = page.getByLabel(
        'Which councils do you share, or plan to share, ICT or digital services with',
      )
      await visit(page, themePath('foundations.context'))
      expect(await partners.getAttribute('data-show-if-values')).toBe('yes|planned')
      expect(await partners.isHidden()).toBe(true)

      await tabTo(page, { name: choice })
      await chooseRadio(page, choice, 'value:no')
      expect(await partners.isHidden()).toBe(true)
      // Tab skips the hidden question and goes on to the next one.
      await page.keyboard.press('Tab')
      expect(await focusIs(page, { id: fieldId('foundations.context.shared-platforms') })).toBe(true)
      await page.keyboard.press('Shift+Tab')

      await chooseRadio(page, choice, 'value:yes')
      expect(await partnersField.isVisible()).toBe(true)
      // The words saying when to answer stay: they help whether or not the question is shown.
      expect(await partners.locator('.app-question__condition').isVisible()).toBe(true)
      await screenshot(page, 'show-if-shown')
      await chooseRadio(page, choice, 'value:planned')
      expect(await partnersField.isVisible()).toBe(true)
      await page.keyboard.press('Tab')
      expect(await focusIs(page, { id: fieldId('foundations.context.shared-ict-partners') })).toBe(true)
      await page.keyboard.press('Shift+Tab')
      await chooseRadio(page, choice, 'value:no')
      expect(await partners.isHidden()).toBe(true)
      await status(page, SAVED).waitFor()
      await storedWhen('foundations.context.shared-ict', a => a?.value === 'no')

      // Without JavaScript every question shows, the condition given in words.
      const browser = page.context().browser()
      if (!browser) throw new Error('no browser')
      const context = await browser.newContext({ baseURL: app().baseUrl, javaScriptEnabled: false })
      const noScript = await context.newPage()
      await signIn(noScript, officers[1]!)
      await visit(noScript, themePath('foundations.context'))
      expect(await checkedValue(noScript, choice)).toBe('value:no')
      expect(
        await noScript
          .getByLabel('Which councils do you share, or plan to share, ICT or digital services with')
          .isVisible(),
      ).toBe(true)
      await context.close()

      // An answer of "planned", saved and reloaded, shows the question from the start.
      await chooseRadio(page, choice, 'value:planned')
      await storedWhen('foundations.context.shared-ict', a => a?.value === 'planned')
      await page.reload()
      expect(await partnersField.isVisible()).toBe(true)
      expect(seen.errors).toEqual([])
      expect(seen.dialogs).toEqual([])
    },
    TEST_TIMEOUT,
  )
  // Last, because it closes the round.
  test(
    'when the session ends, or the round closes, autosave stops and says why',
    async () => {
      const page = await officerPage(0)
      const seen = watch(page)
      const puts: number[] = []
      page.on('response', response => {
        if (response.request().method() === 'PUT') puts.push(response.status())
      })
      const key = 'data.quality.quality-standards'
      const name = choiceName(key)
      await visit(page, themePath('data.quality'))

      // Half an hour with nothing saved: the session ends (the store keeps time by the test clock).
      app().testApp.clock.advance((app().testApp.config.sessionIdleMinutes + 1) * 60_000)
      await tabTo(page, { name })
      await page.keyboard.press('Space')
      const ended = 'Your session has ended: sign in again. Your latest changes on this page have not been saved.'
      await status(page, ended).waitFor()
      expect(await status(page, ended).innerText()).toBe(ended)
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Tab')
      await page.waitForTimeout(1500)
      expect(puts).toEqual([401])
      expect(await stored(key)).toBeUndefined()

      // Signed in again, but the round has closed meanwhile: the server says so, and nothing more is sent.
      const again = await officerPage(0)
      const seenAgain = watch(again)
      await visit(again, themePath('data.quality'))
      const admin = await app().testApp.createUser('admin')
      await app().testApp.services.rounds.close(roundId, admin.id)
      await tabTo(again, { name })
      await again.keyboard.press('Space')
      const closed =
        'This round has closed: answers can be read but not changed. Your latest changes on this page have not been saved.'
      await status(again, closed).waitFor()
      await screenshot(again, 'autosave-round-closed')
      await expectAxeClean(again)
      expect(await stored(key)).toBeUndefined()
      expect(seen.errors).toEqual([])
      expect(seenAgain.errors).toEqual([])
    },
    TEST_TIMEOUT,
  )
})
