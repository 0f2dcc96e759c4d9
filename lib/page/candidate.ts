/**
 * What the always-on sentinel looks for before Keyfob's detector is brought into a frame: an input
 * a code could be typed into. Broad on purpose (a text input anywhere, visible or not); the detector
 * decides what is a code field. Input types that can never hold a code are left out, so a page with
 * only a search box, an e-mail or a password field, check boxes or hidden inputs costs nothing more.
 * An unknown `type` (`type="otp"`) falls back to text in the browser, and is a candidate here too.
 * Kept in step with lib/detect's gate (text, tel, number, no type) by candidate.test.ts.
 * @see https://html.spec.whatwg.org/multipage/input.html#attr-input-type
 */

/** Input types that cannot hold a typed one-time code. */
export const NON_CODE_TYPES = [
  'hidden',
  'checkbox',
  'radio',
  'submit',
  'button',
  'image',
  'reset',
  'file',
  'range',
  'color',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
  'email',
  'password',
  'search',
  'url',
] as const;

/** One selector, matched natively by `querySelector` (no wrapper per element in the isolated world). */
export const CANDIDATE_INPUT = `input${NON_CODE_TYPES.map((t) => `:not([type="${t}" i])`).join('')}`;
