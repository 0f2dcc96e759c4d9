/** What one frame of a tab shows: its URL, its rendered text, and who the page says is signed in. */
export interface FrameText {
  url: string;
  /** the frame's rendered text (`innerText`: what is displayed, not hidden markup), capped */
  text: string;
  /** usernames the page shows: sign-in identifier fields, account choosers, e-mail addresses */
  identifiers: string[];
}

/**
 * Runs inside each frame of the active tab (scripting.executeScript with allFrames, on the user's
 * request from the popup) and returns what it shows. It is serialized into the page, so it must be
 * self-contained: no imports, no outer variables, nothing but the DOM. It reads, never writes, and
 * returns only text the user can see anyway; password fields are never read.
 * @see https://developer.chrome.com/docs/extensions/reference/api/scripting#method-executeScript
 * @see https://html.spec.whatwg.org/multipage/dom.html#the-innertext-idl-attribute
 */
export function readFrameText(): FrameText {
  // Longest text read from one frame: a backup-code page is short; a huge page is cut, not read whole.
  const max = 100_000;
  const body = document.body;
  // biome-ignore lint/performance/useDomNodeTextContent: innerText is the point: only what is rendered, not hidden markup
  const text = body ? body.innerText.slice(0, max) : '';
  const ids: string[] = [];
  const add = (v: string | null | undefined) => {
    const s = (v ?? '').trim();
    if (s && s.length <= 254 && !ids.includes(s)) ids.push(s);
  };
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  // Sign-in identifier fields (the username a sign-in page or its 2-step step carries).
  const fields = document.querySelectorAll<HTMLInputElement>(
    'input[autocomplete~="username"], input[autocomplete~="email"], input[type="email"]',
  );
  for (const f of fields) if (f.type !== 'password' && f.type !== 'hidden' && shown(f)) add(f.value);
  // Hidden username fields that a page keeps for password managers on the 2-step step.
  for (const f of document.querySelectorAll<HTMLInputElement>(
    'input[type="hidden"][autocomplete~="username"]',
  ))
    add(f.value);
  // E-mail addresses written on the page (account choosers, "Signed in as …").
  const emails = text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [];
  for (const e of emails.slice(0, 20)) add(e);
  return { url: location.href, text, identifiers: ids };
}
