// A wide table scrolls inside its own region, which takes keyboard focus so it can be scrolled without a
// mouse. A region with nothing to scroll would be a tab stop that does nothing: it keeps its focus only
// while its table is wider (or, for the heatmap's, taller) than it, checked again whenever its size
// changes. Without JavaScript every region stays focusable.

export function startScrollRegions(doc) {
  const regions = [...doc.querySelectorAll('.app-table-scroll')]
  if (regions.length === 0 || typeof window.ResizeObserver !== 'function') return
  const fit = region => {
    const scrolls = region.scrollWidth > region.clientWidth || region.scrollHeight > region.clientHeight
    if (scrolls) region.setAttribute('tabindex', '0')
    else if (doc.activeElement !== region) region.removeAttribute('tabindex')
  }
  const observer = new window.ResizeObserver(entries => {
    for (const entry of entries) fit(entry.target)
  })
  for (const region of regions) observer.observe(region)
}
