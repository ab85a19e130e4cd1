import { uploadRefusal } from '../../../src/presenters/admin/questionnaire-upload.presenter'

const level = {
  pointer: '/dimensions/1/themes/0/questions/2/levels/5',
  message: 'Dimension 2, theme 1, question 3: level 5 is missing',
}

describe('uploadRefusal', () => {
  it('leads from one line in the error summary to the list, and marks the field the definition came from', () => {
    const refusal = uploadRefusal(
      [level, { ...level, pointer: '/key', message: 'Questionnaire: key is missing' }],
      'definitionFile',
    )
    expect(refusal.errors).toEqual({
      summary: [{ text: '2 problems with this definition: nothing was stored', href: '#definition-problems' }],
      fields: { definitionFile: '2 problems with this definition: see the list above' },
    })
    expect(refusal.problems.id).toBe('definition-problems')
    expect(refusal.problems.more).toBeUndefined()
  })

  it('gives each problem in plain words, with its JSON pointer on a smaller second line', () => {
    expect(uploadRefusal([level], 'definition').problems.items).toEqual([
      'Dimension 2, theme 1, question 3: level 5 is missing<br><span class="govuk-body-s app-secondary-text">JSON pointer: <code>/dimensions/1/themes/0/questions/2/levels/5</code></span>',
    ])
  })

  it('shows no pointer for a problem with the whole definition, and says one problem in the singular', () => {
    const refusal = uploadRefusal([{ pointer: '', message: 'The definition is empty' }], 'definition')
    expect(refusal.problems.items).toEqual(['The definition is empty'])
    expect(refusal.problems.heading).toBe('1 problem with this definition')
  })

  it('counts what the list leaves out, and says when that count is only a lower bound', () => {
    const exact = uploadRefusal([level], 'definition', { count: 1_233, checkingStopped: false })
    expect(exact.problems.heading).toBe('1,234 problems with this definition')
    expect(exact.problems.more).toBe('And 1,233 more problems, not listed here: fix these and check again to see them.')
    const stopped = uploadRefusal([level], 'definition', { count: 0, checkingStopped: true })
    expect(stopped.problems.heading).toBe('At least 1 problem with this definition')
    expect(stopped.problems.more).toMatch(/^Checking stopped at the problems above/)
  })
})
