import path from 'node:path'
import ejs from 'ejs'
import { PROJECT_ROOT } from '../../src/project-root'

// The GOV.UK component partials, rendered on their own: the markup a user and assistive technology rely on.
const root = path.join(PROJECT_ROOT, 'views')
const render = (component: string, params: object, locals: object = {}): Promise<string> =>
  ejs.renderFile(
    path.join(root, 'partials', 'govuk', `${component}.ejs`),
    { ...locals, params },
    { root, views: [root] },
  )

/** The opening tag of the element with this id. */
const tagWithId = (html: string, id: string): string => {
  const found = html.match(new RegExp(`<[a-z]+ [^>]*id="${id}"[^>]*>`))
  if (!found) throw new Error(`no element with id ${id} in ${html}`)
  return found[0]
}

describe('radios', () => {
  const params = {
    name: 'role',
    value: 'analyst',
    itemIdsFromValues: true,
    fieldset: { legend: { text: 'Role', classes: 'govuk-fieldset__legend--s' } },
    hint: 'Choose one',
    errorMessage: 'Select a <role>',
    items: [
      { value: 'admin', text: 'Administrator' },
      { value: 'analyst', text: 'Analyst', hint: { text: 'LOTI staff' } },
    ],
  }

  it('puts the group in a fieldset whose legend names it, described by its hint and error', async () => {
    const html = await render('radios', params)
    expect(html).toMatch(/<div class="govuk-form-group govuk-form-group--error">\s*<fieldset class="govuk-fieldset"/)
    expect(html).toContain('<fieldset class="govuk-fieldset" aria-describedby="role-hint role-error">')
    expect(html).toContain('<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Role</legend>')
    expect(html).toContain('<div id="role-hint" class="govuk-hint">Choose one</div>')
  })

  it('says the error is an error to a screen reader, and escapes it', async () => {
    const html = await render('radios', params)
    expect(html).toContain(
      '<p id="role-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Select a &lt;role&gt;</p>',
    )
  })

  it('gives each input its id, name and value, a label for it, and checks the chosen one', async () => {
    const html = await render('radios', params)
    expect(tagWithId(html, 'role')).toBe(
      '<input class="govuk-radios__input" id="role" name="role" type="radio" value="admin">',
    )
    expect(tagWithId(html, 'role-analyst')).toBe(
      '<input class="govuk-radios__input" id="role-analyst" name="role" type="radio" value="analyst" checked aria-describedby="role-analyst-item-hint">',
    )
    expect(html).toContain('<label class="govuk-label govuk-radios__label" for="role-analyst">Analyst</label>')
    expect(html).toContain('<div id="role-analyst-item-hint" class="govuk-hint govuk-radios__hint">LOTI staff</div>')
  })

  it('numbers the ids as GOV.UK does unless told to use the values', async () => {
    const html = await render('radios', { ...params, itemIdsFromValues: false })
    expect(html).toContain('id="role-2"')
  })

  it('takes nothing from the page it is on', async () => {
    const html = await render(
      'radios',
      { name: 'x', items: [{ value: 'a', text: 'A' }] },
      { hint: 'page hint', value: 'a' },
    )
    expect(html).not.toContain('page hint')
    expect(html).not.toContain('checked')
    expect(html).not.toContain('aria-describedby')
  })
})

describe('checkboxes', () => {
  it('checks every chosen value and describes the group', async () => {
    const html = await render('checkboxes', {
      name: 'members',
      values: ['brent'],
      itemIdsFromValues: true,
      fieldset: { legend: { text: 'Members' } },
      hint: 'Select all that apply',
      items: [
        { value: 'barnet', text: 'Barnet' },
        { value: 'brent', text: 'Brent' },
      ],
    })
    expect(html).toContain('<fieldset class="govuk-fieldset" aria-describedby="members-hint">')
    expect(html).toContain('data-module="govuk-checkboxes"')
    expect(tagWithId(html, 'members')).toBe(
      '<input class="govuk-checkboxes__input" id="members" name="members" type="checkbox" value="barnet">',
    )
    expect(tagWithId(html, 'members-brent')).toContain('value="brent" checked')
  })
})

describe('text fields', () => {
  it('input: label for the input, which is described by its hint then its error', async () => {
    const html = await render('input', {
      name: 'threshold',
      value: '9',
      label: { text: 'Weak threshold' },
      hint: 'From 1 to 5',
      errorMessage: 'Too high',
      classes: 'govuk-input--width-4',
    })
    expect(html).toContain('<label class="govuk-label" for="threshold">Weak threshold</label>')
    expect(tagWithId(html, 'threshold')).toBe(
      '<input class="govuk-input govuk-input--width-4 govuk-input--error" id="threshold" name="threshold" type="text" value="9" aria-describedby="threshold-hint threshold-error">',
    )
  })

  it('select: marks the chosen option and escapes the text', async () => {
    const html = await render('select', {
      name: 'round',
      value: 2,
      label: { text: 'Round' },
      items: [
        { value: 1, text: 'One & only' },
        { value: 2, text: 'Two' },
      ],
    })
    expect(html).toContain('<select class="govuk-select" id="round" name="round">')
    expect(html).toContain('<option value="1">One &amp; only</option>')
    expect(html).toContain('<option value="2" selected>Two</option>')
  })

  it('textarea: escapes what was typed', async () => {
    const html = await render('textarea', { name: 'notes', value: '</textarea><script>', label: { text: 'Notes' } })
    expect(html).toContain('rows="5">&lt;/textarea&gt;&lt;script&gt;</textarea>')
  })

  it('date input: a group of day, month and year, the first linked from the error summary', async () => {
    const html = await render('date-input', {
      id: 'closesOn',
      namePrefix: 'closesOn',
      values: { day: '30', month: '6', year: '2026' },
      fieldset: { legend: { text: 'Closing date' } },
      errorMessage: 'Enter a real date',
    })
    expect(html).toContain('<fieldset class="govuk-fieldset" role="group" aria-describedby="closesOn-error">')
    expect(html).toContain('<label class="govuk-label govuk-date-input__label" for="closesOn-day">Day</label>')
    expect(tagWithId(html, 'closesOn-year')).toContain(
      'name="closesOn-year" type="text" inputmode="numeric" value="2026"',
    )
    expect(tagWithId(html, 'closesOn-year')).toContain('govuk-input--error govuk-input--width-4')
  })
})

describe('error summary', () => {
  it('links each problem to its field, inside an alert, without an alert role on the summary itself', async () => {
    const html = await render('error-summary', {
      titleText: 'There is a problem',
      errorList: [{ href: '#email', text: 'Enter an email address like name@example.com' }],
    })
    expect(html).toMatch(/^<div class="govuk-error-summary" data-module="govuk-error-summary">\s*<div role="alert">/)
    expect(html).toContain('<h2 class="govuk-error-summary__title">There is a problem</h2>')
    expect(html).toContain('<li><a href="#email">Enter an email address like name@example.com</a></li>')
  })
})

describe('table', () => {
  it('has a caption, column headers and row headers', async () => {
    const html = await render('table', {
      caption: 'Scores',
      captionClasses: 'govuk-table__caption--m',
      head: [{ text: 'Dimension' }, { text: 'Score', format: 'numeric' }],
      firstCellIsHeader: true,
      rows: [[{ text: 'Data' }, { text: '3.5', format: 'numeric' }]],
    })
    expect(html).toContain('<caption class="govuk-table__caption govuk-table__caption--m">Scores</caption>')
    expect(html).toContain('<th scope="col" class="govuk-table__header govuk-table__header--numeric">Score</th>')
    expect(html).toContain('<th scope="row" class="govuk-table__header">Data</th>')
    expect(html).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">3.5</td>')
  })

  it('prints a caption built as HTML as it is, and escapes a caption given as text', async () => {
    const built = await render('table', { captionHtml: 'LDM <span class="govuk-caption-m">ldm</span>', rows: [] })
    expect(built).toContain(
      '<caption class="govuk-table__caption">LDM <span class="govuk-caption-m">ldm</span></caption>',
    )
    const plain = await render('table', { caption: 'A <b>', rows: [] })
    expect(plain).toContain('<caption class="govuk-table__caption">A &lt;b&gt;</caption>')
  })

  it('scrolls inside its own labelled, focusable region, so a wide table never widens the page', async () => {
    const region = (html: string) =>
      /^<div class="app-table-scroll" tabindex="0" role="region" aria-label="([^"]*)">\s*<table/.exec(html)?.[1]
    expect(region(await render('table', { caption: 'Scores', rows: [] }))).toBe('Scores')
    expect(region(await render('table', { caption: 'Scores', regionLabel: 'All scores', rows: [] }))).toBe('All scores')
    // A caption built as HTML names its region in its words alone.
    expect(region(await render('table', { captionHtml: 'LDM <span class="x">ldm</span>', rows: [] }))).toBe('LDM ldm')
    const html = await render('table', { caption: 'Scores', rows: [] })
    expect(html.trim().endsWith('</table>\n</div>')).toBe(true)
    // A caller that wraps the table itself (the heatmap, with its sticky header) asks for no second region.
    expect(await render('table', { caption: 'Scores', region: false, rows: [] })).toMatch(/^<table/)
  })
})

describe('smaller components', () => {
  it('warning text: says it is a warning to a screen reader and hides the icon', async () => {
    const html = await render('warning-text', { text: 'It cannot be undone.' })
    expect(html).toContain('<span class="govuk-warning-text__icon" aria-hidden="true">!</span>')
    expect(html).toContain(
      '<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> It cannot be undone.</strong>',
    )
  })

  it('button: a submit button, or a link that acts as one', async () => {
    expect(await render('button', { text: 'Save' })).toContain(
      '<button type="submit" class="govuk-button" data-module="govuk-button">Save</button>',
    )
    expect(await render('button', { text: 'Add', href: '/new' })).toContain(
      '<a href="/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Add</a>',
    )
  })

  it('summary list: keys and values, and an action named for a screen reader', async () => {
    const html = await render('summary-list', {
      rows: [
        {
          key: { text: 'Name' },
          value: { text: 'Ada' },
          actions: { items: [{ href: '/c', text: 'Change', visuallyHiddenText: 'name' }] },
        },
      ],
    })
    expect(html).toContain('<dt class="govuk-summary-list__key">Name</dt>')
    expect(html).toContain('<dd class="govuk-summary-list__value">Ada</dd>')
    expect(html).toContain('<a class="govuk-link" href="/c">Change<span class="govuk-visually-hidden"> name</span></a>')
  })

  it('notification banner: a success banner is an alert, labelled by its title', async () => {
    const html = await render('notification-banner', { type: 'success', titleId: 'flash-title', text: 'Saved' })
    expect(html).toContain(
      'class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="flash-title"',
    )
    expect(html).toContain('<h2 class="govuk-notification-banner__title" id="flash-title">Success</h2>')
  })
})

describe('task list', () => {
  const items = [
    {
      title: { text: 'Leadership & <vision>' },
      href: '/a/1/leadership',
      hint: { text: '2 carried-over answers to confirm' },
      status: { tag: { text: 'In progress', classes: 'govuk-tag--light-blue' } },
    },
    { title: { text: 'Data' }, href: '/a/1/data', status: { text: 'Completed', id: 'status-data' } },
    { title: { text: 'Later' }, status: { text: 'Cannot start yet' } },
  ]

  it('describes each task’s link by its hint and status, so a screen reader says them with the name', async () => {
    const html = await render('task-list', { items })
    expect(html).toContain(
      '<a class="govuk-link govuk-task-list__link" href="/a/1/leadership" aria-describedby="task-list-1-hint task-list-1-status">Leadership &amp; &lt;vision&gt;</a>',
    )
    expect(html).toContain(
      '<div id="task-list-1-hint" class="govuk-task-list__hint">2 carried-over answers to confirm</div>',
    )
    expect(html).toMatch(
      /<div class="govuk-task-list__status" id="task-list-1-status">\s*<strong class="govuk-tag govuk-tag--light-blue">In progress<\/strong>\s*<\/div>/,
    )
  })

  it('keeps an id the caller gives, and a task without a link is plain text', async () => {
    const html = await render('task-list', { items })
    expect(html).toContain('href="/a/1/data" aria-describedby="status-data">Data</a>')
    expect(html).toMatch(/<div class="govuk-task-list__status" id="status-data">\s*Completed\s*<\/div>/)
    expect(html).toContain('<li class="govuk-task-list__item">')
    expect(html).toContain('<div>Later</div>')
    expect(html.match(/govuk-task-list__item--with-link/g)).toHaveLength(2)
  })
})

describe('breadcrumbs', () => {
  it('is a navigation landmark with a name, marking the current page', async () => {
    const html = await render('breadcrumbs', {
      labelText: 'Heatmap level',
      attributes: { id: 'drill-down' },
      items: [{ text: 'All dimensions', href: '/heatmap' }, { text: 'Data & <tech>' }],
    })
    expect(html).toContain('<nav class="govuk-breadcrumbs" id="drill-down" aria-label="Heatmap level">')
    expect(html).toContain(
      '<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/heatmap">All dimensions</a></li>',
    )
    expect(html).toContain('<li class="govuk-breadcrumbs__list-item" aria-current="page">Data &amp; &lt;tech&gt;</li>')
  })

  it('is called Breadcrumb unless told otherwise', async () => {
    expect(await render('breadcrumbs', { items: [] })).toContain('aria-label="Breadcrumb"')
  })
})

describe('character count', () => {
  const params = {
    name: 'comment',
    maxlength: 5000,
    label: { text: 'Comment' },
    hint: 'Say why',
    errorMessage: 'Enter a comment',
  }

  it('is the GOV.UK component: its module and limit on the group, the textarea marked for the script', async () => {
    const html = await render('character-count', params)
    expect(html).toMatch(
      /^<div class="govuk-form-group govuk-form-group--error govuk-character-count" data-module="govuk-character-count" data-maxlength="5000">/,
    )
    expect(tagWithId(html, 'comment')).toBe(
      '<textarea class="govuk-textarea govuk-textarea--error govuk-js-character-count" id="comment" name="comment" rows="5" aria-describedby="comment-info comment-hint comment-error">',
    )
  })

  it('says the limit after the box, as a hint that needs no JavaScript', async () => {
    const html = await render('character-count', params)
    expect(html).toMatch(
      /<\/textarea>\s*<div id="comment-info" class="govuk-hint govuk-character-count__message">You can enter up to 5,000 characters<\/div>/,
    )
  })
})
