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

/**
 * `autocomplete` tokens that name another field, so lib/detect's gate never takes the input (unless
 * it also says one-time-code). The common ones only: the sign-in step before 2-step verification
 * (`username`, `current-password`) and address and card forms, where a page has text inputs but
 * no code. Each is one the gate's OTHER_AUTOCOMPLETE refuses (candidate.test.ts checks).
 * @see https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill-field
 */
export const OTHER_FIELD_TOKENS = [
  'username',
  'email',
  'current-password',
  'new-password',
  'name',
  'given-name',
  'family-name',
  'nickname',
  'tel',
  'tel-national',
  'street-address',
  'address-line1',
  'address-line2',
  'address-level1',
  'address-level2',
  'postal-code',
  'country',
  'country-name',
  'organization',
  'cc-name',
  'cc-number',
  'cc-exp',
  'bday',
  'url',
] as const;

/** `inputmode` values the gate refuses: the keyboard they ask for is not one a code is typed on. */
export const NON_CODE_INPUTMODES = ['email', 'search', 'url'] as const;

const TYPED = `input${NON_CODE_TYPES.map((t) => `:not([type="${t}" i])`).join('')}`;

/**
 * One selector, matched natively by `querySelector` (no wrapper per element in the isolated world):
 * a text-like input that neither its autocomplete tokens nor its inputmode rule out, or any
 * text-like input that says one-time-code.
 */
export const CANDIDATE_INPUT = [
  TYPED +
    OTHER_FIELD_TOKENS.map((t) => `:not([autocomplete~="${t}" i])`).join('') +
    NON_CODE_INPUTMODES.map((m) => `:not([inputmode="${m}" i])`).join(''),
  `${TYPED}[autocomplete*="one-time-code" i]`,
].join(', ');

/** Attributes whose change can make an input a candidate (the sentinel watches them). */
export const CANDIDATE_ATTRIBUTES = ['type', 'autocomplete', 'inputmode'];
