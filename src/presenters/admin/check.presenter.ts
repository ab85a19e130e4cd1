import type { RoundStatus } from '../../domain/assessment/round'
import { allQuestions, type QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import type { User } from '../../domain/user'
import { ROLE_LABELS } from '../../domain/roles'
import { paths } from '../../paths'
import { longDate } from '../../domain/format/dates'
import type { SummaryListRow } from '../govuk-params'
import type { ListedRound } from './rounds.presenter'

/**
 * An "Are you sure" page: what is about to happen, what cannot be undone, one button that does it and a
 * way back. When the thing can no longer be done, `refusal` says why and there is no button.
 */
export interface CheckView {
  backHref: string
  backText: string
  caption: string
  summary: SummaryListRow[]
  /** Paragraphs saying what will happen. */
  explanation: string[]
  /** What cannot be undone. */
  warning: string
  action: string
  /** What the form sends on with the button: what was typed on the page before, checked. */
  hidden?: { name: string; value: string }[]
  buttonText: string
  buttonClasses: string
  /** The link back without doing it. */
  cancelText: string
  refusal: string | null
}

const WARNING_BUTTON = 'govuk-button--warning'

const roundSummary = (round: ListedRound): SummaryListRow[] => [
  { key: { text: 'Round' }, value: { text: round.name } },
  {
    key: { text: 'Questionnaire' },
    value: { text: `${round.questionnaireKey}, version ${round.questionnaireVersion}` },
  },
  { key: { text: 'Opens' }, value: { text: longDate(round.opensOn) } },
  { key: { text: 'Closes' }, value: { text: `At the end of ${longDate(round.closesOn)}` } },
]

const roundBack = (round: ListedRound) => ({
  backHref: paths.admin.round(round.id),
  backText: `Back to ${round.name}`,
  caption: round.name,
  summary: roundSummary(round),
})

/** Why a round in this status cannot be closed, or null when it can. */
function closeRefusal(status: RoundStatus): string | null {
  switch (status) {
    case 'scheduled':
      return 'This round has not opened yet, so it cannot be closed. You can cancel it instead.'
    case 'cancelled':
      return 'This round was cancelled, so there is nothing to close.'
    case 'open':
    case 'closed':
      return null
  }
}

/** The page before closing a round now. A round whose closing date has passed can still be closed for good. */
export function roundCloseCheckView(round: ListedRound & { closedAt: Date | null }): CheckView {
  return {
    ...roundBack(round),
    explanation: [
      'Closing the round ends it now, whatever its closing date. Respondents can still read their answers, but can no longer change them.',
      'Assessments already handed in can still be moderated.',
    ],
    warning: 'A closed round cannot be opened again, and its closing date can no longer be extended.',
    action: paths.admin.roundClose(round.id),
    buttonText: 'Close round',
    buttonClasses: WARNING_BUTTON,
    cancelText: 'Cancel',
    refusal: round.closedAt ? 'This round is already closed.' : closeRefusal(round.status),
  }
}

/** The page before cancelling a round that has not opened. */
export function roundCancelCheckView(round: ListedRound): CheckView {
  return {
    ...roundBack(round),
    explanation: [
      `The round will not open on ${longDate(round.opensOn)}. No one can answer it, and it is left out of London’s results and trends.`,
      'It stays in the list of rounds, shown as Cancelled.',
    ],
    warning: 'A cancelled round cannot be opened again. To run it later, create a new round.',
    action: paths.admin.roundCancel(round.id),
    buttonText: 'Cancel round',
    buttonClasses: WARNING_BUTTON,
    // Not "Cancel" beside "Cancel round": the way back must not read like the action.
    cancelText: 'Keep the round',
    refusal: round.status === 'scheduled' ? null : 'Only a round that has not opened yet can be cancelled.',
  }
}

interface CheckedVersion {
  key: string
  version: number
  title: string
  status: 'draft' | 'published' | 'retired'
  definition: QuestionnaireDefinition
}

const versionBack = (v: CheckedVersion) => ({
  backHref: paths.admin.questionnaireVersion(v.key, v.version),
  backText: `Back to version ${v.version}`,
  caption: v.key,
  summary: [
    { key: { text: 'Questionnaire' }, value: { text: v.title } },
    { key: { text: 'Version' }, value: { text: String(v.version) } },
    { key: { text: 'Questions' }, value: { text: String(allQuestions(v.definition).length) } },
  ],
})

/** The page before publishing a draft version. */
export function publishCheckView(v: CheckedVersion): CheckView {
  return {
    ...versionBack(v),
    explanation: ['Once published, new rounds can use this version.'],
    warning:
      'A published version can never change, and cannot go back to being a draft. To change it, upload a new version.',
    action: paths.admin.questionnairePublish(v.key, v.version),
    buttonText: `Publish version ${v.version}`,
    buttonClasses: '',
    cancelText: 'Cancel',
    refusal: v.status === 'draft' ? null : `Version ${v.version} is ${v.status}: only a draft can be published.`,
  }
}

/** The page before retiring a published version. */
export function retireCheckView(v: CheckedVersion): CheckView {
  return {
    ...versionBack(v),
    explanation: [
      'Retiring a version stops new rounds from using it. Rounds already using it carry on, and answers given against it are kept and keep their meaning.',
    ],
    warning: 'A retired version cannot be published again.',
    action: paths.admin.questionnaireRetire(v.key, v.version),
    buttonText: `Retire version ${v.version}`,
    buttonClasses: WARNING_BUTTON,
    cancelText: 'Cancel',
    refusal:
      v.status === 'published' ? null : `Version ${v.version} is ${v.status}: only a published version can be retired.`,
  }
}

/** The page before disabling someone's account. */
export function disableCheckView(user: User): CheckView {
  return {
    backHref: paths.admin.user(user.id),
    backText: `Back to ${user.name}`,
    caption: user.name,
    summary: [
      { key: { text: 'Name' }, value: { text: user.name } },
      { key: { text: 'Email address' }, value: { text: user.email } },
      { key: { text: 'Role' }, value: { text: ROLE_LABELS[user.role] } },
    ],
    explanation: [
      `${user.name} will be signed out everywhere and will not be able to sign in. Their answers and other work are kept.`,
      'You can enable the account again later.',
    ],
    warning: 'Their personal access tokens stop working for good: enabling the account again does not bring them back.',
    action: paths.admin.userDisable(user.id),
    buttonText: 'Disable account',
    buttonClasses: WARNING_BUTTON,
    cancelText: 'Cancel',
    refusal: user.disabled ? 'This account is already disabled.' : null,
  }
}
