import { initAll } from '/assets/govuk-frontend.min.js'
import { startAutosave } from '/public/js/autosave.js'
import { startCharts } from '/public/js/charts.js'
import { startHeatmapTips } from '/public/js/heatmap-tips.js'
import { startScrollRegions } from '/public/js/scroll-regions.js'
import { startSessionTimeout } from '/public/js/session-timeout.js'
import { startShowIf } from '/public/js/show-if.js'

initAll()
startSessionTimeout(document)
startShowIf(document)
startAutosave(document)
startCharts(document)
startScrollRegions(document)
startHeatmapTips(document)
