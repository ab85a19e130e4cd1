import { answerWithEvidence, govukList } from '../../../src/presenters/assessments/markup'
import { element, joinHtml, lineBreak, link, text } from '../../../src/presenters/html'

describe('the plain elements presenters put in table cells and summary list values', () => {
  it('wraps escaped HTML in an element, escaping its classes too', () => {
    expect(element('p', text('<b>'), 'a" onclick="x')).toBe('<p class="a&#34; onclick=&#34;x">&lt;b&gt;</p>')
    expect(element('strong', text('3. Defined'))).toBe('<strong>3. Defined</strong>')
    expect(joinHtml([text('a'), lineBreak, text('b')])).toBe('a<br>b')
  })

  it('lists links as a GOV.UK list', () => {
    expect(govukList([link('/o/camden', 'Camden'), text('Islington')])).toBe(
      '<ul class="govuk-list"><li><a class="govuk-link" href="/o/camden">Camden</a></li><li>Islington</li></ul>',
    )
  })

  it('puts the evidence, escaped, under the answer only when there is some', () => {
    expect(answerWithEvidence(text('Yes'), 'Our <policy>')).toBe(
      'Yes<p class="govuk-body-s app-evidence-text">Evidence: Our &lt;policy&gt;</p>',
    )
    expect(answerWithEvidence(text('Yes'), null)).toBe('Yes')
  })
})
