import { estateHeadlineView, type EstateHeadlineView } from './estate-home.presenter'
import { ROLE_LABELS } from '../../domain/roles'
import { paths } from '../../paths'
import type { AdminHome } from '../../services/home/admin-home.service'
import { longDate } from '../../domain/format/dates'
import { ROUND_STATUS_TAGS } from '../admin/rounds.presenter'
import { ALL_ASSESSMENTS, count, type CountView } from './home-parts'
import { component, type Html, link } from '../html'
import { plural } from '../../domain/format/plurals'

type Cell = { text: string } | { html: Html }

export interface AdminHomeView {
  counts: CountView[]
  rounds: { head: { text: string }[]; rows: Cell[][] } | null
  noRounds: string | null
  allAssessments: { href: string; text: string }
  notSignedIn: { caption: string; head: { text: string }[]; rows: Cell[][] } | null
  drafts: { href: string; text: string }[]
  estate: EstateHeadlineView
  noDrafts: string | null
  links: { href: string; text: string }[]
}

/** How many people not yet signed in the home lists; the users page has them all. */
export const NOT_SIGNED_IN_ROWS = 10

/** An admin's home: rounds and their state, invitations not taken up, questionnaire drafts. */
export function adminHomeView(home: AdminHome): AdminHomeView {
  const running = home.rounds.filter(r => r.status === 'open' || r.status === 'scheduled')
  return {
    counts: [
      count(running.length, 'round open or scheduled', 'rounds open or scheduled', paths.admin.rounds),
      count(
        home.notSignedIn.length,
        'person invited, not signed in yet',
        'people invited, not signed in yet',
        paths.admin.users,
        'attention',
      ),
      count(home.drafts.length, 'questionnaire draft', 'questionnaire drafts', paths.admin.questionnaires, 'attention'),
    ],
    rounds:
      home.rounds.length === 0
        ? null
        : {
            head: [{ text: 'Round' }, { text: 'State' }, { text: 'Opens' }, { text: 'Closes' }],
            rows: home.rounds.map(r => [
              { html: link(paths.admin.round(r.id), r.name) },
              { html: component('tag', ROUND_STATUS_TAGS[r.status]) },
              { text: longDate(r.opensOn) },
              { text: longDate(r.closesOn) },
            ]),
          },
    noRounds: home.rounds.length === 0 ? 'There are no assessment rounds yet.' : null,
    allAssessments: ALL_ASSESSMENTS,
    notSignedIn:
      home.notSignedIn.length === 0
        ? null
        : {
            caption: `${plural(home.notSignedIn.length, 'person has', 'people have')} an account but never signed in${home.notSignedIn.length > NOT_SIGNED_IN_ROWS ? `; the first ${NOT_SIGNED_IN_ROWS}` : ''}`,
            head: [{ text: 'Name' }, { text: 'Email' }, { text: 'Role' }],
            rows: home.notSignedIn
              .slice(0, NOT_SIGNED_IN_ROWS)
              .map(u => [
                { html: link(paths.admin.user(u.id), u.name) },
                { text: u.email },
                { text: ROLE_LABELS[u.role] },
              ]),
          },
    drafts: home.drafts.map(d => ({
      href: paths.admin.questionnaireVersion(d.key, d.version),
      text: `${d.title}, version ${d.version} (draft)`,
    })),
    estate: estateHeadlineView(home.estate),
    noDrafts: home.drafts.length === 0 ? 'No questionnaire version is in draft.' : null,
    links: [
      { href: paths.admin.newRound, text: 'Create a round' },
      { href: paths.admin.newUser, text: 'Invite a person' },
      { href: paths.admin.partnerships, text: 'Partnerships' },
      { href: paths.admin.standards, text: 'Standards systems are rated against' },
    ],
  }
}
