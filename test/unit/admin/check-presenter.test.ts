import {
  disableCheckView,
  publishCheckView,
  retireCheckView,
  roundCancelCheckView,
  roundCloseCheckView,
} from '../../../src/presenters/admin/check.presenter'
import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import type { User } from '../../../src/domain/user'
import { validDefinition } from '../../support/definitions'
import { shown } from './cells'

const round = {
  id: 7,
  name: '2027 assessment',
  questionnaireKey: 'london-digital-maturity',
  questionnaireVersion: 2,
  opensOn: '2027-03-01',
  closesOn: '2027-06-30',
  closedAt: null,
}

describe('the round check pages', () => {
  it('closes an open round, saying what happens and that it cannot be opened again, with a way back', () => {
    const view = roundCloseCheckView({ ...round, status: 'open' })
    expect(view.refusal).toBeNull()
    expect(view.action).toBe('/admin/rounds/7/close')
    expect(view.backHref).toBe('/admin/rounds/7')
    expect(view.cancelText).toBe('Cancel')
    expect(view.buttonText).toBe('Close round')
    expect(view.buttonClasses).toBe('govuk-button--warning')
    expect(view.warning).toBe('A closed round cannot be opened again, and its closing date can no longer be extended.')
    expect(view.summary.map(r => [shown(r.key), shown(r.value)])).toEqual([
      ['Round', '2027 assessment'],
      ['Questionnaire', 'london-digital-maturity, version 2'],
      ['Opens', '1 March 2027'],
      ['Closes', 'At the end of 30 June 2027'],
    ])
  })

  it('refuses to close a round that has not opened, was cancelled or is already closed', () => {
    expect(roundCloseCheckView({ ...round, status: 'scheduled' }).refusal).toMatch(/^This round has not opened yet/)
    expect(roundCloseCheckView({ ...round, status: 'cancelled' }).refusal).toMatch(/was cancelled/)
    expect(roundCloseCheckView({ ...round, status: 'closed', closedAt: new Date() }).refusal).toBe(
      'This round is already closed.',
    )
    // Past its closing date but never closed: it can still be closed for good.
    expect(roundCloseCheckView({ ...round, status: 'closed' }).refusal).toBeNull()
  })

  it('cancels only a scheduled round, and its way back does not read like the action', () => {
    const view = roundCancelCheckView({ ...round, status: 'scheduled' })
    expect(view.refusal).toBeNull()
    expect(view.action).toBe('/admin/rounds/7/cancel')
    expect(view.buttonText).toBe('Cancel round')
    expect(view.cancelText).toBe('Keep the round')
    expect(view.explanation[0]).toMatch(/^The round will not open on 1 March 2027\./)
    for (const status of ['open', 'closed', 'cancelled'] as const) {
      expect(roundCancelCheckView({ ...round, status }).refusal).toBe(
        'Only a round that has not opened yet can be cancelled.',
      )
    }
  })
})

describe('the questionnaire version check pages', () => {
  const version = {
    key: 'pilot',
    version: 3,
    title: 'Pilot',
    definition: validDefinition({ key: 'pilot' }) as QuestionnaireDefinition,
  }

  it('publishes a draft with a primary button, and refuses anything else', () => {
    const view = publishCheckView({ ...version, status: 'draft' })
    expect(view.refusal).toBeNull()
    expect(view.action).toBe('/admin/questionnaires/pilot/versions/3/publish')
    expect(view.backHref).toBe('/admin/questionnaires/pilot/versions/3')
    expect(view.buttonText).toBe('Publish version 3')
    expect(view.buttonClasses).toBe('')
    expect(view.summary.map(r => shown(r.key))).toEqual(['Questionnaire', 'Version', 'Questions'])
    expect(publishCheckView({ ...version, status: 'published' }).refusal).toBe(
      'Version 3 is published: only a draft can be published.',
    )
  })

  it('retires a published version with a warning button, and refuses anything else', () => {
    const view = retireCheckView({ ...version, status: 'published' })
    expect(view.refusal).toBeNull()
    expect(view.action).toBe('/admin/questionnaires/pilot/versions/3/retire')
    expect(view.buttonClasses).toBe('govuk-button--warning')
    expect(view.warning).toBe('A retired version cannot be published again.')
    expect(retireCheckView({ ...version, status: 'retired' }).refusal).toMatch(/only a published version/)
    expect(retireCheckView({ ...version, status: 'draft' }).refusal).toMatch(/only a published version/)
  })
})

describe('the disable account check page', () => {
  const user = {
    id: 4,
    name: 'Ada Lovelace',
    email: 'ada@example.test',
    role: 'analyst',
    disabled: false,
  } as unknown as User

  it('says they are signed out and their tokens end for good, and refuses an account already disabled', () => {
    const view = disableCheckView(user)
    expect(view.action).toBe('/admin/users/4/disable')
    expect(view.backHref).toBe('/admin/users/4')
    expect(view.explanation[0]).toBe(
      'Ada Lovelace will be signed out everywhere and will not be able to sign in. Their answers and other work are kept.',
    )
    expect(view.warning).toMatch(/tokens stop working for good/)
    expect(view.summary.map(r => shown(r.value))).toEqual(['Ada Lovelace', 'ada@example.test', 'LOTI analyst'])
    expect(disableCheckView({ ...user, disabled: true }).refusal).toBe('This account is already disabled.')
  })
})
