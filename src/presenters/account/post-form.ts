import { component, text, withHiddenText, type Html } from '../html'

/**
 * A form holding one button that posts to `action`, with the CSRF token every form carries, for a table
 * cell. html.ts makes no form, so this one is built as html.ts builds its pieces: every value escaped, the
 * button rendered from its partial.
 */
export function postButton(
  action: string,
  csrfToken: string,
  button: { text: string; hidden: string; classes: string },
): Html {
  const html = component('button', { html: withHiddenText(button.text, button.hidden), classes: button.classes })
  return `<form method="post" action="${text(action)}">
<input type="hidden" name="_csrf" value="${text(csrfToken)}">
${html}
</form>` as Html
}
