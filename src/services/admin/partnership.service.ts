import type { Repositories } from '../../data'
import { createPartnershipService } from './partnerships/create-partnership.service'
import { fetchPartnershipService, listPartnershipsService } from './partnerships/fetch-partnership.service'
import { removePartnershipService } from './partnerships/remove-partnership.service'
import { updatePartnershipService } from './partnerships/update-partnership.service'

export type { PartnershipForm } from './partnerships/partnership-input'
export type { PartnershipListing } from './partnerships/fetch-partnership.service'

/** Partnerships of organisations: one use case a file in ./partnerships, gathered here as the one service callers know. */
export function partnershipService(repos: Repositories) {
  return {
    list: listPartnershipsService(repos),
    get: fetchPartnershipService(repos),
    create: createPartnershipService(repos),
    update: updatePartnershipService(repos),
    remove: removePartnershipService(repos),
  }
}

export type PartnershipService = ReturnType<typeof partnershipService>
