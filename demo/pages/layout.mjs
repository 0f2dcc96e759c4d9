// HTML building: a tagged template that escapes every interpolated value unless it is already
// markup, so usernames and error texts can never inject into the page.

/** Markup that has already been escaped (the result of {@link html}). */
export class Html {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
  }
  toString() {
    return this.text;
  }
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for element content and quoted attribute values.
 * @param {unknown} value
 * @returns {string}
 * @see https://html.spec.whatwg.org/multipage/parsing.html#escapingString
 */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[/** @type {keyof typeof ESCAPES} */ (c)]);
}

/** @param {unknown} value */
function render(value) {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(value);
}

/**
 * `html\`<p>${text}</p>\`` — strings are escaped, nested `html` results and arrays of them are
 * inserted as markup, and null/undefined/false render nothing (for optional parts).
 * @param {TemplateStringsArray} strings
 * @param {unknown[]} values
 * @returns {Html}
 */
export function html(strings, ...values) {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** The site's name, as shown in the header and put into the otpauth URI as the issuer. */
export const SITE_NAME = 'Keyfob Demo';

/**
 * One whole page: header with the site name and the signed-in user (with Log out), then `body`.
 * @param {{ title: string, username?: string | null, body: Html }} page
 * @returns {string}
 */
export function layout({ title, username = null, body }) {
  const nav = username
    ? html`<span class="who">Signed in as <strong>${username}</strong></span>
        <form method="post" action="/logout" class="inline"><button type="submit" class="link">Log out</button></form>`
    : html`<a href="/login">Sign in</a> <a href="/signup">Create account</a>`;
  return `<!doctype html>${html`<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} – ${SITE_NAME}</title>
  <link rel="stylesheet" href="/style.css">
</head>
<body>
  <header><a class="brand" href="/">${SITE_NAME}</a><nav>${nav}</nav></header>
  <main>${body}</main>
  <footer>A local demo of 2-step verification for trying Keyfob. Not a real service.</footer>
</body>
</html>
`}`;
}

/**
 * An error box announced to screen readers, or nothing.
 * @param {string | null | undefined} message
 */
export function errorBox(message) {
  return message ? html`<p class="error" role="alert">${message}</p>` : null;
}

/**
 * A confirmation line, or nothing.
 * @param {string | null | undefined} message
 */
export function noticeBox(message) {
  return message ? html`<p class="notice" role="status">${message}</p>` : null;
}
