import type { Page } from 'playwright-core'
import type * as Axe from 'axe-core'

const AXE_SCRIPT = require.resolve('axe-core/axe.min.js')
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

interface Violation {
  id: string
  impact: string
  help: string
  helpUrl: string
  nodes: { target: string; html: string; summary: string }[]
}

/** Runs axe-core in the page for WCAG 2.0, 2.1 and 2.2 A and AA, and returns what it found. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT })
  return page.evaluate(async tags => {
    const { axe } = window as unknown as { axe: typeof Axe }
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } })
    return results.violations.map(v => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({ target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary ?? '' })),
    }))
  }, WCAG_TAGS)
}

/** One violation as lines a person can act on: the page, the rule, and each node that breaks it. */
export function explain(where: string, v: Violation): string {
  const nodes = v.nodes.map(n => `    ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n/g, '\n      ')}`)
  return `${where}: ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${nodes.join('\n')}`
}

/** Fails with every violation's id, help and target nodes, so a person can find and fix each. */
export async function expectAxeClean(page: Page): Promise<void> {
  const where = new URL(page.url()).pathname
  const violations = await axeViolations(page)
  expect(violations.map(v => explain(where, v))).toEqual([])
}
