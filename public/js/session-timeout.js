// Warns before an idle session ends and lets the person stay signed in. Without JavaScript the
// session still ends on time; nothing saved is lost either way.

function describeSeconds(seconds) {
  if (seconds >= 120) return `${Math.ceil(seconds / 60)} minutes`
  if (seconds >= 60) return '1 minute'
  return `${seconds} seconds`
}

const ACTIVITY_KEY = 'ldm-session-activity'

export function startSessionTimeout(doc) {
  const body = doc.body
  const dialog = doc.getElementById('session-timeout-dialog')
  const idle = Number(body.dataset.sessionIdleSeconds)
  const warning = Number(body.dataset.sessionWarningSeconds)
  if (!dialog || !idle || !warning || typeof dialog.showModal !== 'function') return

  const countdown = dialog.querySelector('[data-countdown]')
  const stay = dialog.querySelector('[data-action="stay"]')
  const csrf = doc.querySelector('meta[name="csrf-token"]')?.content ?? ''
  let deadline = 0
  let timer

  const tick = () => {
    const left = Math.round((deadline - Date.now()) / 1000)
    if (left <= 0) {
      // If another tab kept the session alive after all, signing in returns the person here.
      const here = window.location.pathname + window.location.search
      window.location.assign(`/login?timeout=1&returnTo=${encodeURIComponent(here)}`)
      return
    }
    if (left <= warning) {
      // Announce in whole minutes, then the last minute in seconds, so screen readers are not flooded.
      countdown.textContent = describeSeconds(left)
      if (!dialog.open) dialog.showModal()
    }
    timer = setTimeout(tick, left <= 60 ? 1000 : 15000)
  }

  const restart = () => {
    clearTimeout(timer)
    deadline = Date.now() + idle * 1000
    if (dialog.open) dialog.close()
    tick()
  }

  // Every tab of the service shares one session: activity in one renews the countdown in all.
  const announce = () => {
    try {
      window.localStorage.setItem(ACTIVITY_KEY, String(Date.now()))
    } catch {
      // Storage may be off (private browsing); each tab then keeps its own countdown.
    }
  }
  window.addEventListener('storage', event => {
    if (event.key === ACTIVITY_KEY) restart()
  })

  stay.addEventListener('click', async () => {
    try {
      const response = await fetch('/session/keep-alive', {
        method: 'POST',
        headers: { 'X-CSRF-Token': csrf },
        credentials: 'same-origin',
      })
      if (!response.ok) throw new Error(String(response.status))
      announce()
      restart()
    } catch {
      countdown.textContent = 'a moment: we could not reach the service, check your connection'
    }
  })

  // Saving through the API renews the session too (the autosave script sends this event).
  doc.addEventListener('session:renewed', () => {
    announce()
    restart()
  })
  announce()
  restart()
}
