import { paths } from '../../paths'

interface ListedPartnership {
  id: number
  name: string
  description: string
  members: readonly { name: string }[]
}

export interface PartnershipRow {
  name: string
  /** Shown under the name when not empty. */
  description: string
  members: string
  href: string
}

export interface PartnershipsView {
  newHref: string
  hasPartnerships: boolean
  caption: string
  rows: PartnershipRow[]
}

/** Every partnership, with its members in a sentence. */
export function partnershipsView(partnerships: readonly ListedPartnership[]): PartnershipsView {
  return {
    newHref: paths.admin.newPartnership,
    hasPartnerships: partnerships.length > 0,
    caption: `${partnerships.length} partnerships`,
    rows: partnerships.map(p => ({
      name: p.name,
      description: p.description,
      members: p.members.map(m => m.name).join(', '),
      href: paths.admin.partnership(p.id),
    })),
  }
}

export interface PartnershipFormView {
  submitText: string
  memberItems: { value: string; text: string }[]
  /** Where removing it posts to; null when adding a new one. */
  deleteAction: string | null
}

/** The form that adds a partnership, or with `editing` changes one. */
export function partnershipFormView(
  organisations: readonly { slug: string; name: string }[],
  editing: { id: number } | undefined,
): PartnershipFormView {
  return {
    submitText: editing ? 'Save changes' : 'Add partnership',
    memberItems: organisations.map(o => ({ value: o.slug, text: o.name })),
    deleteAction: editing ? paths.admin.partnershipDelete(editing.id) : null,
  }
}
