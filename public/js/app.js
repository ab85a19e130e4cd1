import { initAll } from '/assets/govuk-frontend.min.js'
import { startSessionTimeout } from '/public/js/session-timeout.js'

initAll()
startSessionTimeout(document)
