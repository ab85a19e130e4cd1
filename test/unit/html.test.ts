import { code, component, joinHtml, link, text, withHiddenText } from '../../src/presenters/html'

describe('HTML built by presenters', () => {
  it('escapes every piece of text a user or an organisation could have written', () => {
    const hostile = `<script>alert("x")</script> & 'quoted'`
    const escaped = '&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;quoted&#39;'
    expect(text(hostile)).toBe(escaped)
    expect(code(hostile)).toBe(`<code>${escaped}</code>`)
    expect(withHiddenText(hostile, hostile)).toBe(`${escaped}<span class="govuk-visually-hidden"> ${escaped}</span>`)
    expect(link(`/x?a="${hostile}`, hostile, hostile)).toBe(
      `<a class="govuk-link" href="/x?a=&#34;${escaped}">${escaped}<span class="govuk-visually-hidden"> ${escaped}</span></a>`,
    )
  })

  it('gives a link its hidden words only when asked', () => {
    expect(link('/users/1', 'Change')).toBe('<a class="govuk-link" href="/users/1">Change</a>')
  })

  it('joins pieces with a separator and adds nothing of its own', () => {
    expect(joinHtml([text('Camden'), link('/o/islington', 'Islington')], text(', '))).toBe(
      'Camden, <a class="govuk-link" href="/o/islington">Islington</a>',
    )
    expect(joinHtml([])).toBe('')
  })

  it('renders a component from its GOV.UK partial, escaping its text', () => {
    expect(component('tag', { text: 'Returned <to borough>', classes: 'govuk-tag--orange' })).toBe(
      '<strong class="govuk-tag govuk-tag--orange">Returned &lt;to borough&gt;</strong>',
    )
    expect(component('tag', { html: link('/a', 'A') })).toBe(
      '<strong class="govuk-tag"><a class="govuk-link" href="/a">A</a></strong>',
    )
  })
})
