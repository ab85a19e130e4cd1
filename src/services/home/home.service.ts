import { adminHome } from './admin-home.service'
import { analystHome } from './analyst-home.service'
import { assessorHome } from './assessor-home.service'
import type { HomeDeps } from './home-deps'
import { respondentHome } from './respondent-home.service'

export type { HomeDeps } from './home-deps'

/** Each role's home: what needs doing this morning, gathered from the use cases that own each part. */
export function homeService(deps: HomeDeps) {
  return {
    forRespondent: respondentHome(deps),
    forAssessor: assessorHome(deps),
    forAnalyst: analystHome(deps),
    forAdmin: adminHome(deps),
  }
}

export type HomeService = ReturnType<typeof homeService>
