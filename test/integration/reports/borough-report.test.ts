import { allQuestions, type MaturityQuestion } from '../../../src/domain/questionnaire/definition'
import { fillAssessment, recordModerations } from '../../support/results'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

/**
 * Hand-worked: every weight in the London questionnaire is 1, so with one level throughout a dimension
 * its score is that level, and the overall score is the plain mean of the five dimensions.
 */
const BOROUGHS = ['lambeth', 'lewisham', 'southwark', 'greenwich', 'bexley', 'bromley']
const OTHERS = ['Lewisham', 'Southwark', 'Greenwich', 'Bexley', 'Bromley']

let t: TestApp
let roundId: number
let lambeth: number
let respondent: Agent
let analyst: Agent
let dataKeys: string[]
let firstDataQuestion: MaturityQuestion

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ')
const row = (html: string, heading: string) => {
  const match = new RegExp(`<tr[^>]*>\\s*<th scope="row"[^>]*>${heading}</th>([\\s\\S]*?)</tr>`).exec(html)
  if (!match) throw new Error(`no row "${heading}"`)
  return [...match[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(m => text(m[1]!).trim())
}

beforeAll(async () => {
  t = await createTestApp()
  const definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
  const maturity = allQuestions(definition).filter(l => l.question.type === 'maturity')
  dataKeys = maturity.filter(l => l.dimension.key === 'data').map(l => l.question.key)
  firstDataQuestion = maturity.find(l => l.dimension.key === 'data')!.question as MaturityQuestion

  const previous = await createRound(t, {
    name: '2025 assessment',
    version: 1,
    opensOn: '2025-10-01',
    closesOn: '2025-12-31',
    organisations: ['lambeth'],
  })
  await fillAssessment(t, await assessmentOf(t, previous, 'lambeth'), () => 2, { version: 1 })

  roundId = await createRound(t, { name: '2026 assessment', organisations: BOROUGHS })
  lambeth = await assessmentOf(t, roundId, 'lambeth')
  await fillAssessment(t, lambeth, () => 3)
  const assessor = await t.createUser('assessor')
  await recordModerations(
    t,
    lambeth,
    assessor.id,
    Object.fromEntries(dataKeys.map(key => [key, { level: 2, rationale: 'No data strategy in place yet' }])),
  )
  await t.repos.assessments.setState(lambeth, 'moderated', {})

  respondent = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'lambeth' })).email)).agent
  analyst = (await signIn(t.app, (await t.createUser('analyst')).email)).agent
})
afterAll(() => t.close())

async function submitOthers(levels: number[]) {
  for (const [i, level] of levels.entries()) {
    const id = await assessmentOf(t, roundId, BOROUGHS[i + 1]!)
    if ((await t.repos.assessments.findById(id))?.state === 'not_started') await fillAssessment(t, id, () => level)
  }
}

describe('the borough report', () => {
  it('withholds London’s figures from a respondent until five organisations stand behind them', async () => {
    await submitOthers([1, 2, 4])
    const html = (await respondent.get(`/assessments/${lambeth}/report`).expect(200)).text
    expect(text(html)).toContain('Withheld: London’s figures are shown once at least 5 organisations have submitted')
    expect(row(html, 'Data')).toEqual(['2.00 (weak)', '3.00', '100%', 'Withheld', 'Withheld', 'Withheld'])
    // Central roles see London's figures whatever the count.
    const central = (await analyst.get(`/assessments/${lambeth}/report`).expect(200)).text
    expect(row(central, 'Data')).toEqual(['2.00 (weak)', '3.00', '100%', '1.75', '2.00', '2.50'])
  })

  it('gives final and self scores by the published rule, with London’s quartiles over six boroughs', async () => {
    await submitOthers([1, 2, 4, 5, 3])
    const html = (await respondent.get(`/assessments/${lambeth}/report`).expect(200)).text
    expect(html).toMatch(/data-testid="overall-score">2\.80</)
    // Final data scores in London: 1, 2, 2 (Lambeth, moderated), 3, 4, 5.
    expect(row(html, 'Data')).toEqual(['2.00 (weak)', '3.00', '100%', '2.00', '2.50', '3.75'])
    // Leadership and strategy: 1, 2, 3, 3, 4, 5.
    expect(row(html, 'Leadership and strategy')).toEqual(['3.00', '3.00', '100%', '2.25', '3.00', '3.75'])
    expect(row(html, 'Overall')).toEqual(['2.80', '3.00', '100%', '2.20', '2.90', '3.75'])
    // The chart's sentence agrees with the table: Data is below London's median, the rest level with it.
    expect(/data-testid="score-summary">([^<]*)</.exec(html)?.[1]).toBe(
      'Lambeth scores highest on Leadership and strategy, Culture and skills, Technology foundations and Service redesign and innovation (3.00) and lowest on Data (2.00). It is above London’s median on 0 of 5 dimensions, level with it on 4 and below it on 1.',
    )
  })

  it('never names another authority or shows its scores to a respondent', async () => {
    const html = (await respondent.get(`/assessments/${lambeth}/report`).expect(200)).text
    for (const name of OTHERS) expect(html).not.toContain(name)
    const other = await assessmentOf(t, roundId, 'lewisham')
    await respondent.get(`/assessments/${other}/report`).expect(404)
  })

  it('lists the weakest themes and, per question, the moderated level and the next level’s descriptor', async () => {
    const html = (await respondent.get(`/assessments/${lambeth}/report`).expect(200)).text
    const weakest = /data-testid="weakest">([\s\S]*?)<\/ol>/.exec(html)![1]!
    expect(text(weakest)).toMatch(/\(Data\): 2\.00/)
    expect(text(/data-testid="strongest">([\s\S]*?)<\/ol>/.exec(html)![1]!)).not.toContain('(Data)')
    const question = new RegExp(`<tr[^>]*data-question="${firstDataQuestion.key}">([\\s\\S]*?)</tr>`).exec(html)![1]!
    const cells = text(question)
    expect(cells).toContain(' 3 2 (changed) 2 ')
    expect(cells).toContain(`Level 3: ${firstDataQuestion.levels['3']}`.replace(/\s+/g, ' '))
    expect(cells).toContain('Assessor: No data strategy in place yet')
  })

  it('shows the change since the last round on comparable questions only', async () => {
    const html = (await respondent.get(`/assessments/${lambeth}/report`).expect(200)).text
    const table = /<table class="govuk-table" id="change-table">([\s\S]*?)<\/table>/.exec(html)![1]!
    // 2025 (v1) was level 2 throughout; 2026 is 3, with data moderated to 2.
    expect(row(table, 'Leadership and strategy')).toEqual(['2.00', '3.00', '+1.00'])
    expect(row(table, 'Data')).toEqual(['2.00', '2.00', '±0.00'])
    expect(row(table, 'Overall')).toEqual(['2.00', '2.80', '+0.80'])
    // Version 1's 41 maturity questions, less the split, the removed, and the cloud question an erratum names.
    expect(text(html)).toContain('Compared with 2025 assessment on the 38 questions asked the same way in both rounds')
  })

  it('question by question, puts each dimension’s heading before its own themes’ tables, each closed', async () => {
    const definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
    const html = (await respondent.get(`/assessments/${lambeth}/report`).expect(200)).text
    const section = html.slice(html.indexOf('id="questions"'), html.indexOf('>Download</h2>'))
    // The section's headings and tables in document order: a tag for each.
    const order = [
      ...section.matchAll(
        /<h3 class="govuk-heading-s app-report-dimension">([^<]*)<\/h3>|<table [^>]*>\s*<caption[^>]*>([^<]*)<\/caption>|<\/table>/g,
      ),
    ]
      .map(m => (m[1] !== undefined ? `h3 ${m[1]}` : m[2] !== undefined ? `table ${m[2]}` : '/table'))
      .map(tag => tag.replace(/&#39;/g, "'").replace(/&amp;/g, '&'))
    // Only maturity questions are listed, so a theme (or a dimension) without one has no table.
    const hasMaturity = (th: (typeof definition.dimensions)[number]['themes'][number]) =>
      th.questions.some(q => q.type === 'maturity')
    const expected = definition.dimensions
      .filter(d => d.themes.some(hasMaturity))
      .flatMap(d => [`h3 ${d.title}`, ...d.themes.filter(hasMaturity).flatMap(th => [`table ${th.title}`, '/table'])])
    expect(expected.length).toBeGreaterThan(10)
    expect(order).toEqual(expected)
  })

  it('marks a report provisional before the borough submits', async () => {
    const draft = await assessmentOf(t, roundId, 'bromley')
    await t.repos.assessments.setState(draft, 'in_progress', {})
    const html = (await analyst.get(`/assessments/${draft}/report`).expect(200)).text
    expect(text(html)).toContain('Provisional: this assessment is in progress.')
    await t.repos.assessments.setState(draft, 'submitted', {})
  })

  it('shows a borough whose assessment was returned each changed level and the reason', async () => {
    await t.repos.assessments.setState(lambeth, 'returned', {})
    const tasks = (await respondent.get(`/assessments/${lambeth}`).expect(200)).text
    expect(tasks).toContain(`href="/assessments/${lambeth}/report">See each level the assessor changed, and why</a>`)
    const html = (await respondent.get(`/assessments/${lambeth}/report`).expect(200)).text
    expect(text(html)).toContain('Provisional: this assessment is returned for changes.')
    expect(text(html)).toContain('Assessor: No data strategy in place yet')
    await t.repos.assessments.setState(lambeth, 'moderated', {})
  })
})
