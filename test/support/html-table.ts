const ENTITIES: Record<string, string> = { '&amp;': '&', '&#39;': "'", '&#34;': '"', '&lt;': '<', '&gt;': '>' }

/**
 * A cell's text as a sighted reader sees it (visually hidden text dropped, decorations kept out of it) or,
 * with `spoken`, as a screen reader says it (hidden text read, aria-hidden text skipped).
 */
function cellText(html: string, spoken: boolean): string {
  const hidden = spoken
    ? /<span[^>]*aria-hidden="true"[^>]*>[\s\S]*?<\/span>/g
    : /<span class="govuk-visually-hidden">[\s\S]*?<\/span>|<span[^>]*app-heat__marker[^>]*>[\s\S]*?<\/span>/g
  return (
    html
      .replace(hidden, '')
      // A question's full prompt shows only on hover or focus, and describes its header rather than naming it.
      .replace(/<span[^>]*role="tooltip"[^>]*>[\s\S]*?<\/span>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[#\w]+;/g, e => ENTITIES[e] ?? e)
      .replace(/\s+/g, ' ')
      .trim()
  )
}

/**
 * A row's cells as the table's grid holds them: a cell spanning columns fills each of them, and a cell
 * hidden from screen readers (the similarity tree's picture) is no cell of the table at all.
 */
const cells = (row: string, spoken: boolean) =>
  [...row.matchAll(/<t[hd]([^>]*)>([\s\S]*?)<\/t[hd]>/g)]
    .filter(cell => !cell[1]!.includes('aria-hidden="true"'))
    .flatMap(cell => Array<string>(Number(/colspan="(\d+)"/.exec(cell[1]!)?.[1] ?? 1)).fill(cellText(cell[2]!, spoken)))

/** The heatmap table of a page: its header texts, and its rows as a person reads them. */
export function heatmapTable(html: string, options: { spoken?: boolean } = {}) {
  const table = /<table[^>]*id="heatmap"[\s\S]*?<\/table>/.exec(html)?.[0]
  if (!table) throw new Error('the page has no heatmap table')
  const spoken = options.spoken ?? false
  const head = table.slice(table.indexOf('<thead'), table.indexOf('</thead>'))
  const body = table.slice(table.indexOf('<tbody'))
  const rows = [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map(row => cells(row[0], spoken))
  return {
    headers: cells(head, spoken),
    rows,
    row(name: string): string[] {
      const found = rows.find(r => r[0] === name)
      if (!found) throw new Error(`no row for ${name}; rows: ${rows.map(r => r[0]).join(', ')}`)
      return found
    },
  }
}
