/**
 * Weighted score of one input as a one-time-code field, and whether it wants a TOTP or a backup code.
 * Scores are sums of independent components so each rule can be tested on its own.
 * @see docs/research/otp-field-heuristics.md §7 (signal checklist) and §8 (false positives)
 */
import { NON_CODE_INPUTMODES } from '../page/candidate';
import { nearbyText, type OwnText, ownText } from './context';
import {
  ALPHA_PATTERN,
  BACKUP,
  BACKUP_PHRASE,
  CARD_FORM,
  CHOSEN_PIN,
  CODE_TYPES,
  CODE_WORD,
  CONTACT,
  DIGIT_PATTERN,
  EITHER,
  MFA_ANY,
  NEGATIVE,
  normalize,
  OTHER_AUTOCOMPLETE,
  OTP_SPECIFIC,
  PIN,
  SENT_CODE,
  SHOP,
  VERIFY_WORD,
  WEAK,
} from './terms';
import type { VisCtx } from './visibility';

export type Kind = 'otp' | 'backup';

/** Minimum total score for a field to be offered, and minimum own (attribute/label) evidence. */
export const MIN_SCORE = 40;
export const MIN_OWN = 12;

/** What a bare "pin" costs a field: it is taken back when the step around it asks for a code. */
export const PIN_PENALTY = 30;

// Pieces are joined with " ; " so words of two sources never read as one phrase (name "pin" + label
// "Code" is not a "pin code").
const allOwn = (own: OwnText) => [own.ids, ...own.labels, ...own.hints].filter((t) => t.trim()).join(' ; ');

/**
 * Cheap gate, no styles: a typeable text/tel/number input that is enabled, editable and not marked
 * as another autofill field (e-mail, phone, card, …).
 * @see https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofilling-form-controls:-the-autocomplete-attribute
 */
export function gate(input: HTMLInputElement): boolean {
  const type = (input.getAttribute('type') ?? '').toLowerCase();
  if (!CODE_TYPES.has(type) && input.type !== 'text') return false;
  if (input.disabled || input.readOnly) return false;
  const ac = (input.getAttribute('autocomplete') ?? '').toLowerCase();
  if (!ac.includes('one-time-code') && OTHER_AUTOCOMPLETE.test(ac)) return false;
  const mode = (input.getAttribute('inputmode') ?? '').toLowerCase();
  return !(NON_CODE_INPUTMODES as readonly string[]).includes(mode);
}

const isOneTimeCode = (input: HTMLInputElement) =>
  (input.getAttribute('autocomplete') ?? '').toLowerCase().includes('one-time-code');

/** The other fields of the input's form (or nearest group): names, autocomplete tokens, labels. */
function siblingFieldText(input: HTMLInputElement): string {
  const form = input.form;
  const scope = form ? null : input.closest('fieldset,[role=form],dl,table,section');
  const fields = form?.elements ?? scope?.querySelectorAll('input,select');
  if (!fields) return '';
  let s = '';
  for (let i = 0; i < fields.length && i < 40; i++) {
    const f = fields[i] as HTMLInputElement;
    if (f === input || !('labels' in f)) continue;
    s += ` ${f.name} ${f.id} ${f.getAttribute('autocomplete') ?? ''} ${f.getAttribute('placeholder') ?? ''}`;
    for (const l of Array.from(f.labels ?? [])) s += ` ${l.textContent ?? ''}`;
  }
  return normalize(s);
}

function inSearch(input: HTMLInputElement): boolean {
  const form = input.form;
  if (form && /search/i.test(`${form.getAttribute('action') ?? ''} ${form.getAttribute('role') ?? ''}`))
    return true;
  return !!input.closest('[role=search]');
}

/**
 * Score from the field's own attributes and labels (no page context). Evidence: one-time-code
 * autocomplete, specific code wording, 2FA wording, or a verification word plus a code word
 * ("Verification" + "Enter code"); against: other-field wording, a PIN, a contact field, a search
 * form, or sitting in a payment form (where "security code" is the card's CVC).
 * @see docs/research/otp-field-heuristics.md §7–§8
 */
export function ownScore(input: HTMLInputElement, own: OwnText): { score: number; pin: boolean } {
  const all = allOwn(own);
  let s = 0;
  const otc = isOneTimeCode(input);
  if (otc) s += 50;
  const specific = OTP_SPECIFIC.test(all);
  const mfa = specific || MFA_ANY.test(all);
  const pair = VERIFY_WORD.test(all) && CODE_WORD.test(all);
  const evidence = Math.max(specific ? 40 : mfa || pair ? 25 : 0, BACKUP.test(all) ? 40 : 0);
  s += evidence;
  const weak = WEAK.test(all);
  if (weak) s += 12;
  if (NEGATIVE.test(all)) s -= 45;
  // The field's own words say PIN and nothing about 2FA (`name="pin"` under "Enter code"): a
  // chosen PIN unless the step around it says otherwise (see {@link contextAndKind}).
  const pin = PIN.test(all) && !mfa;
  if (pin) s -= PIN_PENALTY;
  if (!otc && (evidence || weak) && CARD_FORM.test(siblingFieldText(input))) s -= 60;
  // "We text a code to your phone" is fine; a field that only talks about phone/e-mail is not ours.
  if (CONTACT.test(all) && !weak && !specific) s -= 45;
  if (inSearch(input)) s -= 45;
  if ((input.getAttribute('inputmode') ?? '').toLowerCase() === 'numeric') s += 8;
  if (DIGIT_PATTERN.test(input.getAttribute('pattern') ?? '')) s += 8;
  const ml = input.maxLength;
  if (ml >= 6 && ml <= 8) s += 10;
  else if (ml === 4 || ml === 5 || ml === 9 || ml === 10) s += 5;
  const minl = input.minLength;
  if (minl >= 4 && minl <= 8) s += 4;
  if (input.type === 'tel' || input.type === 'number') s += 4;
  return { score: s, pin };
}

/**
 * Which secret a string asks for: "backup security code" names a backup code (the backup word
 * qualifies the code noun), "authentication or backup code" / "Auth/Backup code" either (no vote).
 */
function votes(t: string): { b: boolean; o: boolean } {
  const b = BACKUP.test(t);
  let o = OTP_SPECIFIC.test(t);
  if (b && o && !EITHER.test(t)) o = OTP_SPECIFIC.test(t.replace(BACKUP_PHRASE, ' '));
  return { b, o: o || (b && EITHER.test(t)) };
}

function weigh(strings: string[], w: number, acc: { b: number; o: number }): void {
  for (const t of strings) {
    const { b, o } = votes(t);
    if (b && !o) acc.b += w;
    if (o && !b) acc.o += w;
  }
}

/**
 * A heading names the step the user is on; a site that reuses its code input says "backup" only
 * there, so it outweighs the field's own name and label together (and the prose that repeats the
 * label). A title line (no heading element) outweighs either one, not both.
 */
const HEADING_WEIGHT = 9;
const TITLE_WEIGHT = 5;

/**
 * Context score and kind for a candidate whose own score passed. `pin`: the field's own words say
 * only PIN (`pin` from {@link ownScore}); `pinCleared` tells whether the step around it asks for a code instead.
 * @see docs/research/otp-field-heuristics.md §8 (backup/recovery codes)
 */
export function contextAndKind(
  input: HTMLInputElement,
  own: OwnText,
  vis: VisCtx,
  page: string,
  pin = false,
): { ctx: number; kind: Kind; pinCleared: boolean } {
  const { prose, heading, title } = nearbyText(input, vis);
  let ctx = 0;
  const around = `${heading} ; ${prose}`;
  const sent = SENT_CODE.test(around) && !SHOP.test(around);
  const near = sent || MFA_ANY.test(prose) || MFA_ANY.test(heading);
  if (near) ctx += 20;
  else if (WEAK.test(prose)) ctx += 6;
  const all = allOwn(own);
  // "Enter code" under "Enter your verification code": the generic word means the 2FA code here.
  if (near && WEAK.test(all)) ctx += 10;
  // `name="pin"` on a 2-step page: the PIN penalty is taken back when the step asks for a code
  // (its label says code, or the wording around names an app/SMS code) and nothing says "create a PIN".
  const asksCode = sent || CODE_WORD.test(own.labels.join(' ')) || OTP_SPECIFIC.test(around);
  const pinCleared = pin && near && asksCode && !CHOSEN_PIN.test(`${heading} ${prose} ${all}`);
  if (pinCleared) ctx += PIN_PENALTY;
  if (MFA_ANY.test(page)) ctx += 10;
  // Nothing around says 2FA, and it does say coupon, card, PIN, …: the field is probably that.
  const specific = OTP_SPECIFIC.test([own.ids, ...own.labels].join(' ; ')) || isOneTimeCode(input);
  if (!near && !specific && (NEGATIVE.test(heading) || NEGATIVE.test(prose) || PIN.test(prose))) ctx -= 25;
  const acc = { b: 0, o: 0 };
  // Identifiers are deliberate: "backup" in a name outweighs a generic "otp_token" next to it.
  if (BACKUP.test(own.ids)) acc.b += 4;
  if (OTP_SPECIFIC.test(own.ids)) acc.o += 3;
  weigh(own.labels, 4, acc);
  weigh(own.hints, 1, acc);
  weigh([heading], HEADING_WEIGHT, acc);
  weigh([title], TITLE_WEIGHT, acc);
  weigh([prose], 1, acc);
  const pattern = input.getAttribute('pattern') ?? '';
  if (ALPHA_PATTERN.test(pattern) || (input.getAttribute('inputmode') ?? '').toLowerCase() === 'text')
    acc.b += 2;
  if (DIGIT_PATTERN.test(pattern)) acc.o += 1;
  return { ctx, kind: acc.b > acc.o ? 'backup' : 'otp', pinCleared };
}

/**
 * Normalised title and URL path of the document, for page-level 2FA wording.
 * @see https://url.spec.whatwg.org/#dom-url-pathname
 */
export function pageText(doc: Document): string {
  let path = '';
  try {
    path = decodeURIComponent(doc.location?.pathname ?? '');
  } catch {
    path = doc.location?.pathname ?? '';
  }
  return normalize(`${doc.title} ${path}`);
}

export { ownText };
