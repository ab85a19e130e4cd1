// Shows a conditional question only while the question it depends on has one of the answers it names.
// Without JavaScript every question shows, and the page says in words when to answer each one.

const CONDITIONAL = '[data-show-if-question]'

/** What is chosen now for question `key`: choice and maturity radios ("value:yes" → "yes", "level:3" → "3") and checkboxes. */
function chosenValues(form, key) {
  const values = []
  let found = false
  for (const input of form.querySelectorAll('input[type="radio"], input[type="checkbox"]')) {
    if (input.name === `answers[${key}][choice]`) {
      found = true
      if (input.checked && input.value !== 'na') values.push(input.value.replace(/^(value|level):/, ''))
    } else if (input.name === `answers[${key}][value]`) {
      found = true
      if (input.checked) values.push(input.value)
    }
  }
  // A question on another page cannot be read here: its dependants stay visible, as without JavaScript.
  return found ? values : undefined
}

function update(form) {
  for (const group of form.querySelectorAll(CONDITIONAL)) {
    const chosen = chosenValues(form, group.dataset.showIfQuestion)
    if (chosen === undefined) continue
    const wanted = (group.dataset.showIfValues ?? '').split('|')
    group.hidden = !chosen.some(value => wanted.includes(value))
  }
}

export function startShowIf(doc) {
  for (const form of doc.querySelectorAll('form')) {
    if (!form.querySelector(CONDITIONAL)) continue
    form.addEventListener('change', () => update(form))
    update(form)
  }
}
