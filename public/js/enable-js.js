// Runs first in <body>: lets GOV.UK Frontend's styles know JavaScript is available.
document.body.classList.add('js-enabled', 'govuk-frontend-supported')
