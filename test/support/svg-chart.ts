/**
 * Reading the SVG charts back from a page, as numbers: each mark's position turned back into a score with
 * the chart's own axis (the ticks it prints), so a test can hold the drawing against the table beside it.
 */

const attribute = (tag: string, name: string): string => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
  if (value === undefined) throw new Error(`no ${name} in ${tag.slice(0, 120)}`)
  return value
}
const number = (tag: string, name: string) => Number(attribute(tag, name))
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? ''
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()

export interface ChartPanel {
  title: string
  /** The svg's role, and its accessible name: the caption its aria-labelledby points at. */
  role: string
  name: string
  /** A y coordinate as a score, by the panel's own ticks at 1 and 5. */
  scoreAt: (y: number) => number
  html: string
}

/** One panel of a chart, by its data-chart key. */
export function chartPanel(html: string, key: string): ChartPanel {
  const figure = new RegExp(`<figure class="app-chart-panel"[^>]*data-chart="${key}">[\\s\\S]*?</figure>`).exec(
    html,
  )?.[0]
  if (!figure) throw new Error(`no chart panel for ${key}`)
  const svg = /<svg[^>]*>/.exec(figure)![0]
  const labelledBy = attribute(svg, 'aria-labelledby')
  const caption = new RegExp(`<figcaption[^>]*id="${labelledBy}"[^>]*>([\\s\\S]*?)</figcaption>`).exec(figure)?.[1]
  const ticks = new Map(
    [...figure.matchAll(/<g class="app-chart__tick" data-score="(\d)">\s*<line[^>]*>/g)].map(m => [
      Number(m[1]),
      number(m[0], 'y1'),
    ]),
  )
  const [one, five] = [ticks.get(1), ticks.get(5)]
  if (one === undefined || five === undefined) throw new Error(`panel ${key} has no ticks at 1 and 5`)
  return {
    title: textOf(/<span class="app-chart-panel__title">([\s\S]*?)<\/span>/.exec(figure)?.[1] ?? ''),
    role: attribute(svg, 'role'),
    name: textOf(caption ?? ''),
    scoreAt: (y: number) => 1 + ((one - y) / (one - five)) * 4,
    html: figure,
  }
}

/** The slope panel's lines by GSS code: both scores read off the line, its direction and its title. */
export function slopeLines(panel: ChartPanel) {
  return new Map(
    [...panel.html.matchAll(/<g class="app-slope app-slope--(\w+)" data-gss="([^"]+)">([\s\S]*?)<\/g>/g)].map(m => {
      const line = /<line[^>]*>/.exec(m[3]!)![0]
      return [
        m[2]!,
        {
          direction: m[1]!,
          title: titleOf(m[3]!),
          previous: panel.scoreAt(number(line, 'y1')),
          current: panel.scoreAt(number(line, 'y2')),
        },
      ]
    }),
  )
}

/** The median line's two scores, read off its position, and the values printed at its ends. */
export function medianLine(panel: ChartPanel) {
  const group = /<g class="app-slope-median">([\s\S]*?)<\/g>/.exec(panel.html)?.[1]
  if (!group) return null
  const line = /<line class="app-slope-median__line"[^>]*>/.exec(group)![0]
  return {
    previous: panel.scoreAt(number(line, 'y1')),
    current: panel.scoreAt(number(line, 'y2')),
    printed: [...group.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(m => m[1]),
  }
}

/** The line chart's dots by round: the score read off each dot, and the value printed over it. */
export function lineDots(panel: ChartPanel) {
  return new Map(
    [...panel.html.matchAll(/<g class="app-line-chart__point" data-round="([^"]+)">([\s\S]*?)<\/g>/g)].map(m => [
      m[1]!,
      {
        score: panel.scoreAt(number(/<circle[^>]*>/.exec(m[2]!)![0], 'cy')),
        printed: /<text[^>]*>([^<]*)<\/text>/.exec(m[2]!)?.[1],
        title: titleOf(m[2]!),
      },
    ]),
  )
}

/** A table by its id: header texts and rows of cell texts, as a sighted reader sees them. */
export function tableById(html: string, id: string): { headers: string[]; rows: string[][] } {
  const table = new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0]
  if (!table) throw new Error(`no table #${id}`)
  const cells = (row: string) =>
    [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(c =>
      textOf(
        c[1]!.replace(
          /<span class="govuk-visually-hidden">[\s\S]*?<\/span>|<span[^>]*aria-hidden="true"[^>]*>[\s\S]*?<\/span>/g,
          '',
        ),
      ),
    )
  const head = table.slice(table.indexOf('<thead'), table.indexOf('</thead>'))
  const body = table.slice(table.indexOf('<tbody'))
  return { headers: cells(head), rows: [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map(r => cells(r[0])) }
}
