// Reads the cells, keys and values presenters build for the GOV.UK table and summary list partials as a
// person meets them: the words on the screen, what a screen reader adds, where a link goes, which tag shows.

type Cell = { text: string } | { html: string } | undefined

const ENTITIES: Record<string, string> = { '&amp;': '&', '&#39;': "'", '&#34;': '"', '&lt;': '<', '&gt;': '>' }
const HIDDEN = /<span class="govuk-visually-hidden">([\s\S]*?)<\/span>/g

const markupOf = (cell: Cell): string => {
  if (!cell) throw new Error('no such cell')
  return 'html' in cell ? cell.html : ''
}

const words = (html: string): string =>
  html
    .split(/<br>/)
    .map(line =>
      line
        .replace(/<[^>]+>/g, '')
        .replace(/&[#\w]+;/g, e => ENTITIES[e] ?? e)
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .join('\n')

/** The words a sighted reader sees, a line break as a new line. */
export const shown = (cell: Cell): string =>
  cell && 'text' in cell ? cell.text : words(markupOf(cell).replace(HIDDEN, ''))

/** The words a screen reader says, hidden ones included. */
export const spoken = (cell: Cell): string =>
  cell && 'text' in cell ? cell.text : words(markupOf(cell).replace(HIDDEN, ' $1'))

/** Where the cell's link goes, if it holds one. */
export const hrefIn = (cell: Cell): string | undefined =>
  /<a class="govuk-link" href="([^"]*)"/.exec(markupOf(cell))?.[1]?.replace(/&[#\w]+;/g, e => ENTITIES[e] ?? e)

/** The tag in the cell, as its words and colour class, if it holds one. */
export const tagIn = (cell: Cell): { text: string; classes: string } | undefined => {
  const found = /<strong class="govuk-tag ([^"]*)">([\s\S]*?)<\/strong>/.exec(markupOf(cell))
  return found ? { text: words(found[2]!), classes: found[1]! } : undefined
}

/** Whether the cell shows its text as code, as a key a user types or copies. */
export const isCode = (cell: Cell): boolean => /^<code>[^<]*<\/code>$/.test(markupOf(cell))
