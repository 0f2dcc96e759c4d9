/**
 * fillCode: types a code into a detected target the way a framework-controlled input accepts it,
 * without submitting the form.
 * @see https://html.spec.whatwg.org/multipage/input.html#dom-input-value (value setter)
 * @see https://w3c.github.io/uievents/#event-type-input (InputEvent: bubbles, composed)
 */
import type { CodeTarget } from './find';

const nativeValue = (): ((this: HTMLInputElement, v: string) => void) | undefined =>
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;

/**
 * Sets the value through the prototype setter: React and similar libraries shadow `value` on the
 * instance to track changes, and only treat the following `input` event as user input when the
 * tracked value differs.
 */
function setValue(input: HTMLInputElement, value: string): void {
  input.focus({ preventScroll: true });
  const set = nativeValue();
  if (set) set.call(input, value);
  else input.value = value;
  const win = input.ownerDocument.defaultView;
  const Ctor = win && typeof win.InputEvent === 'function' ? win.InputEvent : null;
  const init = { bubbles: true, composed: true, cancelable: false };
  input.dispatchEvent(
    Ctor ? new Ctor('input', { ...init, inputType: 'insertText', data: value }) : new Event('input', init),
  );
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Removes grouping spaces and dashes ("123 456", "ABCD-EFGH"). */
function compact(code: string): string {
  return code.replace(/[\s-]+/g, '');
}

/**
 * Fills `code` into `target`. Split boxes get one character each in order, then focus moves to the
 * next empty box (or stays on the last one filled). A single field gets the whole code; grouping
 * spaces/dashes are dropped when the field is too short for them or is a number field.
 * @see https://html.spec.whatwg.org/multipage/input.html#dom-input-value
 */
export function fillCode(target: CodeTarget, code: string): void {
  const boxes = target.inputs;
  if (boxes.length === 0) return;
  if (boxes.length > 1) {
    const chars = Array.from(compact(code));
    const n = Math.min(chars.length, boxes.length);
    for (let i = 0; i < n; i++) setValue(boxes[i] as HTMLInputElement, chars[i] as string);
    const next = boxes[n] ?? boxes[n - 1];
    next?.focus({ preventScroll: true });
    return;
  }
  const input = boxes[0] as HTMLInputElement;
  const max = input.maxLength;
  const value = (max > 0 && max < code.length) || input.type === 'number' ? compact(code) : code;
  setValue(input, value);
}
