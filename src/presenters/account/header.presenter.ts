import { ROLE_LABELS, type Role } from '../../domain/roles'
import { paths } from '../../paths'

interface NavItem {
  href: string
  text: string
  also?: RegExp
}

export interface NavLink {
  href: string
  text: string
  /** Marked when it is this page, or a page in its section. */
  active: boolean
  itemClasses: string
  /** 'page' on the page itself, 'true' elsewhere in its section. */
  ariaCurrent: string
}

export interface HeaderView {
  /** The signed-in person's name and role; null when no one is signed in. */
  account: { name: string; role: string; accountCurrent: boolean } | null
  hasNavigation: boolean
  navigation: NavLink[]
}

/** The header: who is signed in, and the service navigation with the current section marked. */
export function headerView(
  user: { name: string; role: Role } | undefined,
  navigation: readonly NavItem[],
  currentPath: string,
): HeaderView {
  return {
    account: user
      ? { name: user.name, role: ROLE_LABELS[user.role], accountCurrent: currentPath === paths.account }
      : null,
    hasNavigation: navigation.length > 0,
    navigation: navigation.map(item => {
      const current = item.href === currentPath
      const active =
        current ||
        (item.href !== '/' && currentPath.startsWith(item.href + '/')) ||
        Boolean(item.also && item.also.test(currentPath))
      return {
        href: item.href,
        text: item.text,
        active,
        itemClasses: `govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`,
        ariaCurrent: current ? 'page' : 'true',
      }
    }),
  }
}
