/**
 * findCodeFields: ranks the visible one-time-code fields (single inputs and split boxes) of a document
 * or shadow root, looking inside open shadow roots.
 * @see https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#attr-fe-autocomplete-one-time-code
 */
import {
  contextAndKind,
  gate,
  type Kind,
  MIN_OWN,
  MIN_SCORE,
  ownScore,
  ownText,
  PIN_PENALTY,
  pageText,
} from './score';
import { BOX_WIDTH, isBoxLike, splitGroups } from './split';
import { positionOf } from './terms';
import { isVisible, visCtx } from './visibility';

export interface CodeTarget {
  kind: Kind;
  inputs: HTMLInputElement[];
  score: number;
}

/** What one pass saw besides the targets: the watcher observes the open shadow roots it found. */
export interface Scan {
  targets: CodeTarget[];
  /** every open shadow root under the scanned root, nested ones included */
  shadowRoots: ShadowRoot[];
  /** how many inputs of any kind there were (0: attribute changes cannot matter) */
  inputs: number;
}

/** All inputs under `root` in document order, shadow-root content at its host's position. */
function collectInputs(root: Document | ShadowRoot, out: HTMLInputElement[], roots: ShadowRoot[]): void {
  const all = root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i] as Element;
    if (el.localName === 'input') out.push(el as HTMLInputElement);
    const sr = (el as HTMLElement).shadowRoot;
    if (sr) {
      roots.push(sr);
      collectInputs(sr, out, roots);
    }
  }
}

/** Below this own score an input is not a box of a split entry (it says it is something else). */
const MIN_BOX_OWN = -20;

/** Own plus context score a split group needs besides its shape (e.g. numeric boxes, or "code" nearby). */
const MIN_SPLIT_EVIDENCE = 6;

/** A field whose only fault is a "pin" name goes on to the context check, which may take the penalty back. */
const minOwn = (pin: boolean): number => (pin ? MIN_OWN - PIN_PENALTY : MIN_OWN);

function narrow(input: HTMLInputElement): boolean {
  const w = input.getBoundingClientRect().width;
  return w > 0 && w <= BOX_WIDTH;
}

/**
 * Finds one-time-code targets, best first; `[]` when there are none. Only visible, enabled, editable
 * inputs qualify. Split boxes come back as one target with the boxes in fill order.
 * @see docs/design.md "Module contracts" (lib/detect)
 */
export function findCodeFields(root: Document | ShadowRoot): CodeTarget[] {
  return scanCodeFields(root).targets;
}

/**
 * {@link findCodeFields} plus what the pass saw on the way (for the watcher). `lightOnly` skips the
 * search for shadow hosts (a walk over every element) on a page known to have none.
 * @see https://dom.spec.whatwg.org/#dom-element-shadowroot
 */
export function scanCodeFields(root: Document | ShadowRoot, lightOnly = false): Scan {
  const inputs: HTMLInputElement[] = [];
  const shadowRoots: ShadowRoot[] = [];
  if (lightOnly) inputs.push(...Array.from(root.querySelectorAll('input')));
  else collectInputs(root, inputs, shadowRoots);
  return { targets: inputs.length ? rank(root, inputs) : [], shadowRoots, inputs: inputs.length };
}

function rank(root: Document | ShadowRoot, inputs: HTMLInputElement[]): CodeTarget[] {
  const doc = 'body' in root ? root : root.ownerDocument;
  const vis = visCtx(doc);
  let pageWords: string | undefined;
  const page = (): string => {
    pageWords ??= pageText(doc);
    return pageWords;
  };
  const owns = new Map<HTMLInputElement, { own: ReturnType<typeof ownText>; score: number; pin: boolean }>();
  const gated: HTMLInputElement[] = [];
  for (const input of inputs) {
    if (!gate(input)) continue;
    const own = ownText(input);
    const { score, pin } = ownScore(input, own);
    owns.set(input, { own, score, pin });
    // Styles and boxes are read only for inputs with some evidence or the shape of a split box
    // (one that speaks against itself, e.g. "quantity", cannot join split boxes either).
    const maybeBox = score >= MIN_BOX_OWN && (isBoxLike(input) || (vis.layout && narrow(input)));
    if ((score >= minOwn(pin) || maybeBox) && isVisible(input, vis)) gated.push(input);
  }
  const targets: CodeTarget[] = [];
  const inGroup = new Set<HTMLInputElement>();
  for (const group of splitGroups(gated, vis)) {
    const scores = group.map((b) => owns.get(b)?.score ?? 0);
    if (Math.min(...scores) < MIN_BOX_OWN) continue;
    const first = group[0] as HTMLInputElement;
    const info = owns.get(first);
    if (!info) continue;
    const { ctx, kind } = contextAndKind(first, info.own, vis, page());
    // Boxes labelled by their place ("Digit 1 of 6") are one-character boxes whatever their maxlength,
    // and say they take a code split over them; places other than 1…n ("the 2nd, 3rd, 5th and 6th
    // digits of your passcode") ask for some characters of a secret the user chose.
    const places = group.map((b) => positionOf(owns.get(b)?.own.labels.join(' ; ') ?? ''));
    const placed = places.every((n) => n !== null);
    if (placed && places.some((n, k) => n !== k + 1)) continue;
    const shape = placed || group.every(isBoxLike) ? 40 : 25;
    const evidence = Math.max(0, ...scores) + ctx + (placed ? MIN_SPLIT_EVIDENCE : 0);
    // The shape alone is not enough: a row of letter boxes in a word game has it too.
    if (evidence < MIN_SPLIT_EVIDENCE) continue;
    const score = shape + (group.length >= 5 ? 5 : 0) + evidence;
    if (score < MIN_SCORE) continue;
    for (const b of group) inGroup.add(b);
    targets.push({ kind, inputs: group, score });
  }
  for (const input of gated) {
    const info = owns.get(input);
    if (!info || inGroup.has(input) || info.score < minOwn(info.pin)) continue;
    const ml = input.maxLength;
    if (ml > 0 && ml < 4) continue; // cannot hold a whole code
    const { ctx, kind, pinCleared } = contextAndKind(input, info.own, vis, page(), info.pin);
    if (info.score < MIN_OWN && !pinCleared) continue;
    const score = info.score + ctx;
    if (score >= MIN_SCORE) targets.push({ kind, inputs: [input], score });
  }
  // Stable sort keeps document order between equal scores.
  return targets.sort((a, b) => b.score - a.score);
}
