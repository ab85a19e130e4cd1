// Draws charts from the tables that hold their numbers, so the table stays the source of truth and the
// page is complete without JavaScript. chart.js is loaded (as window.Chart) only on pages with charts.

const readNumber = cell => {
  const raw = cell?.getAttribute('data-value')
  return raw === null || raw === undefined || raw === '' ? null : Number(raw)
}

// Breaks a label into lines of about `width` characters, at spaces, so chart.js can stack them.
const wrapLabel = (label, width) =>
  label.split(' ').reduce((lines, word) => {
    const last = lines.at(-1)
    if (last !== undefined && (last + ' ' + word).length <= width) lines[lines.length - 1] = last + ' ' + word
    else lines.push(word)
    return lines
  }, [])

function radarFromTable(table, canvas) {
  // On a phone the dimension names would run off the canvas: stack their words and use a smaller font.
  const narrow = canvas.parentElement.clientWidth < 600
  const headers = [...table.querySelectorAll('thead th')]
  const column = series => headers.findIndex(th => th.getAttribute('data-series') === series)
  const rows = [...table.querySelectorAll('tbody tr[data-chart-row]')]
  const labels = rows.map(row => {
    const label = row.querySelector('th').textContent.trim()
    return narrow ? wrapLabel(label, 11) : label
  })
  const values = series => {
    const index = column(series)
    return index < 0 ? [] : rows.map(row => readNumber(row.children[index]))
  }
  const london = ['lower', 'median', 'upper'].map(values)
  const hasLondon = london.every(series => series.some(v => v !== null))
  // Dashes and point shapes as well as colours, so the series differ without colour.
  const datasets = [
    {
      label: table.getAttribute('data-chart-label'),
      data: values('organisation'),
      borderColor: '#1d70b8',
      backgroundColor: 'rgba(29, 112, 184, 0.15)',
      pointStyle: 'circle',
      borderWidth: 3,
    },
  ]
  if (hasLondon) {
    datasets.push(
      {
        label: 'London median',
        data: london[1],
        borderColor: '#0b0c0c',
        borderDash: [6, 4],
        pointStyle: 'rect',
        fill: false,
      },
      { label: 'London upper quartile', data: london[2], borderColor: '#b1b4b6', pointStyle: 'triangle', fill: false },
      {
        label: 'London lower quartile',
        data: london[0],
        borderColor: '#b1b4b6',
        backgroundColor: 'rgba(177, 180, 182, 0.35)',
        pointStyle: 'triangle',
        fill: '-1',
      },
    )
  }
  return new window.Chart(canvas, {
    type: 'radar',
    data: { labels, datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      layout: { padding: narrow ? { left: 16, right: 16 } : 0 },
      // Text as large as the page's body text, in its colour, so the chart reads as well as the table.
      color: '#0b0c0c',
      font: { size: 16, family: 'arial, sans-serif' },
      scales: {
        r: {
          min: 0,
          max: 5,
          ticks: { stepSize: 1, font: { size: narrow ? 12 : 14 }, backdropColor: 'transparent' },
          pointLabels: { font: { size: narrow ? 13 : 16 }, color: '#0b0c0c' },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, font: { size: 16 }, color: '#0b0c0c' } },
      },
    },
  })
}

// Okabe and Ito's colour-blind-safe set, then Paul Tol's, with a dark edge so pale bars stand out on white.
const BAR_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#0b0c0c',
  '#882255',
  '#44aa99',
  '#999933',
  '#332288',
  '#ddcc77',
  '#aa4499',
  '#88ccee',
  '#117733',
]

// One bar per column headed data-series, one dataset per row marked data-chart-row, named by its header.
function barFromTable(table, canvas) {
  const columns = [...table.querySelectorAll('thead th')]
    .map((th, index) => ({ th, index }))
    .filter(({ th }) => th.hasAttribute('data-series'))
  const rows = [...table.querySelectorAll('tbody tr[data-chart-row]')]
  const stacked = table.hasAttribute('data-chart-stacked')
  const ticks = { font: { size: 14 }, color: '#0b0c0c' }
  return new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: columns.map(({ th }) => th.textContent.trim()),
      datasets: rows.map((row, i) => ({
        label: row.querySelector('th').textContent.trim(),
        data: columns.map(({ index }) => readNumber(row.children[index]) ?? 0),
        backgroundColor: BAR_COLOURS[i % BAR_COLOURS.length],
        borderColor: '#0b0c0c',
        borderWidth: 1,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      color: '#0b0c0c',
      font: { size: 16, family: 'arial, sans-serif' },
      scales: {
        x: { stacked, ticks },
        y: {
          stacked,
          beginAtZero: true,
          ticks: { ...ticks, precision: 0 },
          title: {
            display: true,
            text: table.getAttribute('data-chart-y-label') ?? '',
            font: { size: 16 },
            color: '#0b0c0c',
          },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { font: { size: 14 }, color: '#0b0c0c', boxWidth: 16 } },
      },
    },
  })
}

// One point per row marked data-chart-row, at its columns headed data-series="x" and "y"; the table's
// data-chart-x-median and -y-median draw London's medians as dashed lines, labelled in the legend.
function scatterFromTable(table, canvas) {
  const headers = [...table.querySelectorAll('thead th')]
  const column = series => headers.findIndex(th => th.getAttribute('data-series') === series)
  const [x, y] = [column('x'), column('y')]
  const points = [...table.querySelectorAll('tbody tr[data-chart-row]')]
    .map(row => ({
      x: readNumber(row.children[x]),
      y: readNumber(row.children[y]),
      name: row.querySelector('th').textContent.trim(),
    }))
    .filter(p => p.x !== null && p.y !== null)
  const xs = points.map(p => p.x)
  const [xMin, xMax] = [Math.min(0, ...xs), Math.max(...xs, 0.1) * 1.05]
  const median = name => {
    const raw = table.getAttribute(`data-chart-${name}-median`)
    return raw === null ? null : Number(raw)
  }
  const line = (label, data) => ({
    label,
    data,
    type: 'line',
    borderColor: '#0b0c0c',
    borderDash: [6, 4],
    borderWidth: 2,
    pointRadius: 0,
    fill: false,
  })
  const datasets = [
    {
      label: 'Authority',
      data: points,
      backgroundColor: 'rgba(29, 112, 184, 0.6)',
      borderColor: '#1d70b8',
      pointStyle: 'circle',
      pointRadius: 5,
    },
  ]
  const xMedian = median('x')
  const yMedian = median('y')
  if (xMedian !== null)
    datasets.push(
      line('London median spend', [
        { x: xMedian, y: 1 },
        { x: xMedian, y: 5 },
      ]),
    )
  if (yMedian !== null)
    datasets.push(
      line('London median score', [
        { x: xMin, y: yMedian },
        { x: xMax, y: yMedian },
      ]),
    )
  const ticks = { font: { size: 14 }, color: '#0b0c0c' }
  const title = text => ({ display: true, text, font: { size: 16 }, color: '#0b0c0c' })
  return new window.Chart(canvas, {
    type: 'scatter',
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      color: '#0b0c0c',
      font: { size: 16, family: 'arial, sans-serif' },
      scales: {
        x: { min: xMin, max: xMax, ticks, title: title(table.getAttribute('data-chart-x-label') ?? '') },
        y: { min: 1, max: 5, ticks, title: title(table.getAttribute('data-chart-y-label') ?? '') },
      },
      plugins: {
        legend: { position: 'bottom', labels: { font: { size: 14 }, color: '#0b0c0c', boxWidth: 16 } },
        tooltip: { callbacks: { label: item => item.raw.name ?? item.dataset.label } },
      },
    },
  })
}

const CHART_KINDS = new Map([
  ['radar', radarFromTable],
  ['bar', barFromTable],
  ['scatter', scatterFromTable],
])

export function startCharts(root) {
  if (!window.Chart) return
  for (const canvas of root.querySelectorAll('canvas[data-chart-for]')) {
    const table = root.getElementById(canvas.getAttribute('data-chart-for'))
    const draw = CHART_KINDS.get(table?.getAttribute('data-chart'))
    if (draw) draw(table, canvas)
  }
}
