import { checkEmail, checkNewPassword, checkUserInput, normaliseEmail } from '../../../src/domain/user'

describe('user input', () => {
  it('normalises email addresses to trimmed lower case', () => {
    expect(normaliseEmail('  Ada.Lovelace@Hackney.GOV.uk ')).toBe('ada.lovelace@hackney.gov.uk')
  })

  it.each([
    ['', 'Enter an email address'],
    ['not-an-email', 'Enter an email address in the correct format, like name@council.gov.uk'],
    ['a@b', 'Enter an email address in the correct format, like name@council.gov.uk'],
    [`${'x'.repeat(250)}@a.uk`, 'Enter an email address in the correct format, like name@council.gov.uk'],
  ])('refuses the email %j', (email, message) => {
    expect(checkEmail(email)).toEqual({ field: 'email', message })
  })

  it('accepts a respondent with an organisation and returns clean values', () => {
    expect(checkUserInput({ email: ' A@B.gov.uk', name: ' Ada ', role: 'respondent', organisationId: 7 })).toEqual({
      value: { email: 'a@b.gov.uk', name: 'Ada', role: 'respondent', organisationId: 7 },
      errors: [],
    })
  })

  it('lets the central roles have no organisation', () => {
    expect(checkUserInput({ email: 'a@b.uk', name: 'A', role: 'analyst' }).value?.organisationId).toBeNull()
  })

  it('lists every problem at once, each with its field', () => {
    const { value, errors } = checkUserInput({ email: 'nope', name: '', role: 'superuser' })
    expect(value).toBeUndefined()
    expect(errors.map(e => e.field)).toEqual(['email', 'name', 'role'])
  })

  it('requires an organisation for a respondent', () => {
    expect(checkUserInput({ email: 'a@b.uk', name: 'A', role: 'respondent', organisationId: null }).errors).toEqual([
      { field: 'organisation', message: 'Select the organisation this respondent belongs to' },
    ])
  })

  it('limits the name to 120 characters', () => {
    expect(checkUserInput({ email: 'a@b.uk', name: 'n'.repeat(121), role: 'admin' }).errors[0]?.field).toBe('name')
  })

  describe('new passwords', () => {
    it('accepts a long passphrase that matches its confirmation', () => {
      expect(checkNewPassword('plum orchard lantern', 'plum orchard lantern', 'ada@hackney.gov.uk')).toEqual([])
    })

    it.each([
      ['', '', 'password', 'Enter a password'],
      ['short', 'short', 'password', 'Password must be 12 characters or more'],
      ['x'.repeat(257), 'x'.repeat(257), 'password', 'Password must be 256 characters or fewer'],
      [
        'my name is ada.lovelace',
        'my name is ada.lovelace',
        'password',
        'Password must not contain your email address',
      ],
      ['plum orchard lantern', 'plum orchard lanterns', 'confirmPassword', 'Passwords do not match'],
    ])('refuses %j', (password, confirmation, field, message) => {
      expect(checkNewPassword(password, confirmation, 'ada.lovelace@hackney.gov.uk')).toEqual([{ field, message }])
    })
  })
})
