import { rowHeader } from '../../../src/presenters/govuk-params'
import { element, lineBreak, link, listedHtml, text } from '../../../src/presenters/html'
import { authorityLink, listOf } from '../../../src/presenters/pipeline/cell-html'

describe('the pipeline tables’ cell markup', () => {
  const hostile = `<script>alert("x")</script>`
  const escaped = '&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;'

  it('wraps escaped pieces, escaping its classes too', () => {
    expect(element('span', text(hostile), 'app-secondary-text')).toBe(
      `<span class="app-secondary-text">${escaped}</span>`,
    )
    expect(element('strong', text('Finance'))).toBe('<strong>Finance</strong>')
    expect(element('p', text('x'), '"><b')).toBe('<p class="&#34;&gt;&lt;b">x</p>')
    expect(lineBreak).toBe('<br>')
  })

  it('lists each item, escaped, in a list with the classes given', () => {
    expect(listOf(['A & B', hostile], 'govuk-list')).toBe(
      `<ul class="govuk-list"><li>A &amp; B</li><li>${escaped}</li></ul>`,
    )
  })

  it('words a list of pieces as people do: A, B and C', () => {
    const [a, b, c] = [link('/a', 'A'), text('B'), text('C')]
    expect(listedHtml([])).toBe('')
    expect(listedHtml([a])).toBe('<a class="govuk-link" href="/a">A</a>')
    expect(listedHtml([a, b])).toBe('<a class="govuk-link" href="/a">A</a> and B')
    expect(listedHtml([a, b, c])).toBe('<a class="govuk-link" href="/a">A</a>, B and C')
  })

  it('links an authority to its organisation page, and heads a row in the plain weight', () => {
    expect(authorityLink({ name: 'Kensington & Chelsea', slug: 'kensington-and-chelsea' })).toBe(
      '<a class="govuk-link" href="/organisations/kensington-and-chelsea">Kensington &amp; Chelsea</a>',
    )
    expect(rowHeader({ text: 'Camden' })).toEqual({ text: 'Camden', header: true, classes: 'app-table__row-header' })
  })
})
