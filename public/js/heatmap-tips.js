// A heatmap question's full prompt shows while its header is hovered or focused. Escape hides it without
// moving the pointer or the focus (WCAG 1.4.13), until another header is hovered or focused.

export function startHeatmapTips(doc) {
  const dismissed = 'app-heatmap__question--dismissed'
  let hidden = null
  const show = event => {
    const header = event.target.closest?.('.app-heatmap__column')
    if (!hidden || header === hidden) return
    for (const button of doc.querySelectorAll(`.${dismissed}`)) button.classList.remove(dismissed)
    hidden = null
  }
  doc.addEventListener('keydown', event => {
    if (event.key !== 'Escape') return
    const open = [...doc.querySelectorAll('.app-heatmap__column')].filter(
      header => header.matches(':hover') || header.contains(doc.activeElement),
    )
    for (const header of open) header.querySelector('.app-heatmap__question')?.classList.add(dismissed)
    hidden = open[0] ?? null
  })
  doc.addEventListener('focusin', show)
  doc.addEventListener('mouseover', show)
}
