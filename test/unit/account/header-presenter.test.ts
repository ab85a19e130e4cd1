import { headerView } from '../../../src/presenters/account/header.presenter'

const navigation = [
  { href: '/', text: 'Home' },
  { href: '/rounds', text: 'Insights', also: /^\/rounds\/\d+\/heatmap/ },
  { href: '/admin/users', text: 'Users' },
]

describe('headerView', () => {
  it('marks the page itself as the current page', () => {
    const [home] = headerView({ name: 'Ada', role: 'admin' }, navigation, '/').navigation
    expect(home).toMatchObject({ active: true, ariaCurrent: 'page' })
    expect(home?.itemClasses).toBe('govuk-service-navigation__item govuk-service-navigation__item--active')
  })

  it('marks a section for the pages under it, and Home only for itself', () => {
    const view = headerView({ name: 'Ada', role: 'admin' }, navigation, '/admin/users/3')
    expect(view.navigation.map(n => n.active)).toEqual([false, false, true])
    expect(view.navigation[2]?.ariaCurrent).toBe('true')
    expect(headerView(undefined, navigation, '/rounds/2/heatmap').navigation[1]?.active).toBe(true)
  })

  it('names who is signed in, with their role in words', () => {
    expect(headerView({ name: 'Ada', role: 'analyst' }, [], '/account').account).toEqual({
      name: 'Ada',
      role: 'LOTI analyst',
      accountCurrent: true,
    })
    const signedOut = headerView(undefined, [], '/login')
    expect(signedOut.account).toBeNull()
    expect(signedOut.hasNavigation).toBe(false)
  })
})
