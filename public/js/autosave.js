// Saves each answer on a theme page through the API as the person changes it. Without JavaScript (or
// when this gives up) the page's own "Save and continue" and "Save and come back later" buttons save
// everything, and the server deals with anything this could not: a conflict, an invalid answer.

const TYPING_PAUSE_MS = 800
const FIRST_RETRY_MS = 2000
const LONGEST_RETRY_MS = 30000
/** How long a submit waits for saves already on their way, so the form is posted with their revisions. */
const SUBMIT_WAIT_MS = 5000
const OFFLINE_MESSAGE = 'Not saved yet: you seem to be offline. Your changes will be saved when the connection returns.'

const FIELD = /^answers\[([^\]]+)\]\[(choice|value|evidence)\]$/
const REVISION = /^answers\[([^\]]+)\]\[revision\]$/

/**
 * "10:42am", "9am", "12pm" (midday), "12am" (midnight): the time in London, written as the server's pages
 * write it (src/domain/format/dates.ts; a unit test holds the two to the same examples).
 */
function timeOf(iso) {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const options = { hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }
  let parts
  try {
    parts = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'Europe/London' }).formatToParts(date)
  } catch {
    parts = new Intl.DateTimeFormat('en-GB', options).formatToParts(date)
  }
  const part = type => Number(parts.find(p => p.type === type)?.value)
  const hour = part('hour')
  const minute = part('minute')
  const hours = hour % 12 === 0 ? 12 : hour % 12
  const minutes = minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`
  return `${hours}${minutes}${hour < 12 ? 'am' : 'pm'}`
}

/** The visible text of a label or legend, without "(optional)" or words only for screen readers. */
function visibleText(element) {
  if (!element) return ''
  const copy = element.cloneNode(true)
  for (const hidden of copy.querySelectorAll('.govuk-visually-hidden')) hidden.remove()
  return copy.textContent
    .replace(/\s+/g, ' ')
    .replace(/ \(optional\)$/, '')
    .trim()
}

const labelOf = input => visibleText(input?.labels?.[0])

/** A typed number is sent as a number; anything else is sent as typed, for the server to explain. */
function typedNumber(typed) {
  const trimmed = typed.trim()
  return /^-?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : typed
}

function addToDescribedBy(element, id) {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
  if (!ids.includes(id)) element.setAttribute('aria-describedby', [...ids, id].join(' '))
}

function removeFromDescribedBy(element, id) {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(x => x && x !== id)
  if (ids.length > 0) element.setAttribute('aria-describedby', ids.join(' '))
  else element.removeAttribute('aria-describedby')
}

/** One question's fields, read from the server's markup, and where its autosave has got to. */
function readQuestion(form, key, revisionInput) {
  const group = revisionInput.closest('.govuk-form-group') ?? revisionInput.parentElement
  // A conflict the server is showing is settled by submitting the form, never behind the person's back.
  if (group.querySelector(`input[name="answers[${key}][resolve]"]`)) return undefined
  const fields = [...form.elements].filter(element => FIELD.exec(element.name)?.[1] === key)
  const choices = fields.filter(element => element.name.endsWith('[choice]'))
  const values = fields.filter(element => element.name.endsWith('[value]'))
  const evidence = fields.find(element => element.name.endsWith('[evidence]'))
  let type
  if (choices.length > 0) type = choices.some(c => c.value.startsWith('level:')) ? 'maturity' : 'choice'
  else if (values.some(v => v.type === 'checkbox')) type = 'multi'
  else if (['numeric', 'decimal'].includes(values[0]?.getAttribute('inputmode'))) type = 'number'
  else if (values[0]) type = 'text'
  else return undefined
  const fieldset = group.querySelector('.govuk-fieldset')
  const main = type === 'number' || type === 'text' ? values[0] : (fieldset ?? choices[0] ?? values[0])
  const prompt = fieldset ? visibleText(fieldset.querySelector('legend')) : labelOf(values[0])
  return {
    key,
    /** The id of the question's first field, which the server's error summary and change links point at. */
    id: (choices[0] ?? values[0]).id || `answer-${key.replace(/\./g, '__')}`,
    type,
    group,
    choices,
    values,
    evidence,
    main,
    prompt,
    revisionInput,
    baseInput: group.querySelector(`input[name="answers[${key}][base]"]`),
    /** The latest answer not yet sent, or not yet saved. */
    pending: null,
    /** The save on its way, settled once its reply has been dealt with. */
    inFlight: null,
    waiting: undefined,
    retryTimer: undefined,
    retryDelay: 0,
    offline: false,
    invalid: false,
    conflict: false,
    unsavedAtSubmit: false,
    shownErrors: [],
  }
}

function bodyOf(q) {
  const body = {}
  if (q.type === 'maturity' || q.type === 'choice') {
    const chosen = q.choices.find(c => c.checked)?.value ?? ''
    if (chosen === 'na') body.notApplicable = true
    else if (chosen.startsWith('level:')) body.level = Number(chosen.slice('level:'.length))
    else if (chosen.startsWith('value:')) body.value = chosen.slice('value:'.length)
  } else if (q.type === 'multi') {
    body.value = q.values.filter(v => v.checked).map(v => v.value)
  } else if (q.type === 'number') {
    body.value = typedNumber(q.values[0].value)
  } else {
    body.value = q.values[0].value
  }
  if (q.evidence) body.evidence = q.evidence.value
  return body
}

const sameBody = (a, b) => JSON.stringify(a) === JSON.stringify(b)

/** An answer as the page shows it, in quotes: the labels of the options chosen, or the value typed. */
function describe(q, answer) {
  if (!answer) return 'no answer'
  const labelFor = value => labelOf(q.choices.find(c => c.value === value)) || value
  let what = ''
  if (answer.notApplicable) what = labelFor('na') || 'Not applicable'
  else if (q.type === 'maturity' && typeof answer.level === 'number') what = labelFor(`level:${answer.level}`)
  else if (q.type === 'choice' && answer.value !== undefined) what = labelFor(`value:${String(answer.value)}`)
  else if (q.type === 'multi' && Array.isArray(answer.value))
    what = answer.value.map(v => labelOf(q.values.find(box => box.value === v)) || v).join(', ') || 'none of them'
  else if (answer.value !== undefined && answer.value !== null) what = String(answer.value)
  let phrase = what ? `“${what}”` : 'no answer'
  if (typeof answer.evidence === 'string' && answer.evidence.trim() !== '') {
    const evidence = answer.evidence.length > 120 ? `${answer.evidence.slice(0, 119)}…` : answer.evidence
    phrase += ` with the evidence “${evidence}”`
  }
  return phrase
}

/** A server message as a sentence, ending in a full stop. */
const sentence = text => (/[.!?]$/.test(text) ? text : `${text}.`)

function startForm(form, doc) {
  const endpoint = form.dataset.autosave
  const status = form.querySelector('[data-autosave-status]')
  const csrf = doc.querySelector('meta[name="csrf-token"]')?.content ?? ''
  if (!endpoint || !status || typeof fetch !== 'function') return

  const questions = new Map()
  for (const input of form.querySelectorAll('input[type="hidden"]')) {
    const key = REVISION.exec(input.name)?.[1]
    const q = key ? readQuestion(form, key, input) : undefined
    if (q) questions.set(key, q)
  }
  if (questions.size === 0) return

  /** Set when the session has ended or the assessment can no longer be changed: nothing more is sent. */
  let stopped = false
  let submitting = false
  let resubmitting = false

  const say = message => {
    if (status.textContent !== message) status.textContent = message
  }
  const all = () => [...questions.values()]
  const unsaved = q => Boolean(q.waiting || q.pending || q.inFlight || q.invalid)
  const questionOf = element => questions.get(FIELD.exec(element?.name ?? '')?.[1])

  function clearErrors(q) {
    for (const shown of q.shownErrors) {
      shown.message.remove()
      removeFromDescribedBy(shown.describes, shown.message.id)
      for (const [element, className] of shown.classes) element.classList.remove(className)
    }
    q.shownErrors = []
  }

  /** GOV.UK error messages beside the fields, added alongside (never in place of) any the server drew. */
  function showErrors(q, errors) {
    clearErrors(q)
    const lines = []
    for (const error of errors) {
      const onEvidence = error.pointer === '/evidence' && q.evidence
      const field = onEvidence ? q.evidence : q.main
      // The server's own words, as its error summary says them when the form is posted without JavaScript.
      const text = String(error.message || `Check your answer to “${q.prompt}”`)
      lines.push(text)
      if (q.shownErrors.some(shown => shown.describes === field)) continue
      const message = doc.createElement('p')
      message.className = 'govuk-error-message'
      message.id = `${field.tagName === 'FIELDSET' ? q.id : field.id || q.id}-autosave-error`
      const hidden = doc.createElement('span')
      hidden.className = 'govuk-visually-hidden'
      hidden.textContent = 'Error:'
      message.append(hidden, ` ${text}`)
      const before =
        field.tagName === 'FIELDSET'
          ? field.querySelector('.govuk-radios, .govuk-checkboxes')
          : (field.closest('.govuk-input__wrapper') ?? field)
      before.before(message)
      addToDescribedBy(field, message.id)
      const classes = []
      const formGroup = field.closest('.govuk-form-group')
      if (formGroup && !formGroup.classList.contains('govuk-form-group--error'))
        classes.push([formGroup, 'govuk-form-group--error'])
      const inputClass = { INPUT: 'govuk-input--error', TEXTAREA: 'govuk-textarea--error' }[field.tagName]
      if (inputClass && !field.classList.contains(inputClass)) classes.push([field, inputClass])
      for (const [element, className] of classes) element.classList.add(className)
      q.shownErrors.push({ message, describes: field, classes })
    }
    say(`Not saved: ${lines.map(sentence).join(' ')}`)
  }

  function showConflict(q, current) {
    const who = current?.updatedBy || 'Someone else'
    const when = current?.updatedAt ? timeOf(current.updatedAt) : ''
    const what = describe(q, current)
    const note = doc.createElement('div')
    note.className = 'app-conflict'
    note.id = `${q.id}-autosave-conflict`
    const heading = doc.createElement('p')
    heading.className = 'govuk-body govuk-!-font-weight-bold'
    heading.textContent = 'Someone else changed this answer while you were editing'
    const detail = doc.createElement('p')
    detail.className = 'govuk-body'
    detail.textContent =
      `${who} saved ${what}${when ? ` at ${when}` : ''}, after you opened this page. ` +
      'Your change has not been saved. Select “Save and continue” or “Save and come back later” ' +
      'to choose which answer to keep.'
    note.append(heading, detail)
    const first = [...q.group.children].find(child => !(child.tagName === 'INPUT' && child.type === 'hidden'))
    if (first) first.before(note)
    else q.group.append(note)
    addToDescribedBy(q.main, note.id)
    say(
      `Not saved: ${who} saved ${what}${when ? ` at ${when}` : ''} for “${q.prompt}”, after you opened this page. ` +
        'Select “Save and continue” or “Save and come back later” to choose which answer to keep.',
    )
  }

  async function put(q, body) {
    let response
    try {
      response = await fetch(`${endpoint}/answers/${encodeURIComponent(q.key)}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf },
        credentials: 'same-origin',
        body: JSON.stringify({ ...body, revision: Number(q.revisionInput.value) }),
      })
    } catch {
      return { outcome: 'offline' }
    }
    let data = {}
    try {
      data = await response.json()
    } catch {
      // Not JSON (a proxy's error page, say): judged by the status alone.
    }
    if (response.ok && typeof data?.revision === 'number') return { outcome: 'saved', data }
    if (response.ok || response.status >= 500) return { outcome: 'offline' }
    return { outcome: response.status, data: data ?? {} }
  }

  /** After a save, while other answers on the page still are not saved: never "Saved" over a failure. */
  function savedExcept(failing, savedAt) {
    const names = failing.map(f => `“${f.prompt}”`).join(', ')
    const where = failing.length === 1 ? 'the message beside it' : 'the message beside each'
    return `Not saved: ${names}: see ${where}. Your other changes were saved at ${timeOf(savedAt)}.`
  }

  function retryLater(q) {
    clearTimeout(q.retryTimer)
    q.retryDelay = q.retryDelay ? Math.min(q.retryDelay * 2, LONGEST_RETRY_MS) : FIRST_RETRY_MS
    q.retryTimer = setTimeout(() => {
      q.retryTimer = undefined
      send(q)
    }, q.retryDelay)
  }

  function stopAll(message) {
    stopped = true
    for (const q of all()) {
      clearTimeout(q.waiting)
      clearTimeout(q.retryTimer)
      q.waiting = undefined
      q.retryTimer = undefined
    }
    say(`${sentence(message)} Your latest changes on this page have not been saved.`)
  }

  function settle(q, body, { outcome, data }) {
    if (outcome === 'saved') {
      q.revisionInput.value = String(data.revision)
      // The page no longer shows what the server first drew, so a submit must compare against what is stored.
      if (q.baseInput) q.baseInput.value = ''
      q.offline = false
      q.retryDelay = 0
      q.invalid = false
      clearErrors(q)
      if (q.pending && sameBody(q.pending, body)) q.pending = null
      doc.dispatchEvent(new window.Event('session:renewed'))
      const waiting = all().filter(other => other.offline)
      const failing = all().filter(other => other.invalid || other.conflict)
      say(
        waiting.length > 0
          ? OFFLINE_MESSAGE
          : failing.length > 0
            ? savedExcept(failing, data.savedAt)
            : `Saved at ${timeOf(data.savedAt)}`,
      )
      // The connection works again: the other answers waiting for it need not wait for their timers.
      for (const other of waiting) send(other)
      return
    }
    if (outcome === 'offline') {
      q.pending ??= body
      q.offline = true
      say(OFFLINE_MESSAGE)
      retryLater(q)
      return
    }
    q.offline = false
    if (outcome === 409) {
      q.conflict = true
      q.pending ??= body
      showConflict(q, data.current)
    } else if (outcome === 401 || outcome === 403) {
      q.pending ??= body
      stopAll(
        data.message ||
          (outcome === 401 ? 'Your session has ended: sign in again.' : 'You can no longer change these answers.'),
      )
    } else if (Array.isArray(data.errors) && data.errors.length > 0) {
      q.invalid = true
      showErrors(q, data.errors)
    } else {
      q.invalid = true
      say(`Not saved: ${sentence(data.message || 'there is a problem with the service')}`)
    }
  }

  /** Sends the latest answer unless one is already on its way: one request per question at a time. */
  function send(q) {
    if (stopped || submitting || q.conflict || q.inFlight || !q.pending) return
    clearTimeout(q.retryTimer)
    q.retryTimer = undefined
    const body = q.pending
    q.pending = null
    q.inFlight = put(q, body)
      .then(reply => settle(q, body, reply))
      .finally(() => {
        q.inFlight = null
        send(q)
      })
  }

  /** Saves now, or after a pause when the person is still typing or still moving through options by arrow key. */
  function changed(q, { wait }) {
    if (stopped || submitting || q.conflict) return
    clearTimeout(q.waiting)
    q.waiting = undefined
    if (wait) {
      q.waiting = setTimeout(() => {
        q.waiting = undefined
        q.pending = bodyOf(q)
        send(q)
      }, TYPING_PAUSE_MS)
      return
    }
    q.pending = bodyOf(q)
    send(q)
  }

  const isTyped = element => element.tagName === 'TEXTAREA' || (element.tagName === 'INPUT' && element.type === 'text')

  // The arrow keys move through radios choosing each on the way: only the one the person settles on is saved.
  let arrowKey = false
  form.addEventListener('keydown', event => {
    if (event.target.type !== 'radio' || !event.key.startsWith('Arrow')) return
    arrowKey = true
    setTimeout(() => {
      arrowKey = false
    }, 0)
  })
  form.addEventListener('change', event => {
    const q = questionOf(event.target)
    if (q) changed(q, { wait: arrowKey && event.target.type === 'radio' })
  })
  form.addEventListener('input', event => {
    const q = questionOf(event.target)
    if (q && isTyped(event.target)) changed(q, { wait: true })
  })
  // Leaving a question saves what is waiting at once; moving within it (radio to radio, answer to evidence) does not.
  form.addEventListener('focusout', event => {
    const q = questionOf(event.target)
    if (q?.waiting && questionOf(event.relatedTarget) !== q) changed(q, { wait: false })
  })

  window.addEventListener('online', () => {
    for (const q of all()) if (q.offline) send(q)
  })

  // The buttons post the whole form as ever. Saves already on their way are waited for briefly, so the form
  // carries their new revisions and is not taken for someone else's change.
  form.addEventListener('submit', event => {
    if (event.defaultPrevented) return
    submitting = true
    for (const q of all()) {
      q.unsavedAtSubmit = unsaved(q)
      clearTimeout(q.waiting)
      clearTimeout(q.retryTimer)
      q.waiting = undefined
      q.retryTimer = undefined
    }
    const onTheirWay = all()
      .map(q => q.inFlight)
      .filter(Boolean)
    if (onTheirWay.length === 0 || resubmitting) return
    event.preventDefault()
    const submitter = event.submitter
    const timeout = new Promise(resolve => setTimeout(resolve, SUBMIT_WAIT_MS))
    Promise.race([Promise.allSettled(onTheirWay), timeout]).then(() => {
      resubmitting = true
      if (typeof form.requestSubmit === 'function')
        form.requestSubmit(submitter && submitter.form === form ? submitter : undefined)
      else form.submit()
    })
  })

  window.addEventListener('beforeunload', event => {
    if (submitting || !all().some(unsaved)) return
    event.preventDefault()
    event.returnValue = ''
  })

  // Back to this page from the back-forward cache (after a submit that failed offline, say): autosave starts
  // again, and resends what the form carried. Had the form saved it, the server answers "unchanged" with the
  // revision now stored, so the page catches up rather than reporting a conflict with this person's own change.
  window.addEventListener('pageshow', event => {
    if (!event.persisted) return
    submitting = false
    resubmitting = false
    for (const q of all()) {
      if (!q.unsavedAtSubmit || q.conflict) continue
      q.unsavedAtSubmit = false
      q.pending = bodyOf(q)
      send(q)
    }
  })
}

export function startAutosave(doc) {
  for (const form of doc.querySelectorAll('form[data-autosave]')) startForm(form, doc)
}
