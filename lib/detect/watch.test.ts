// @vitest-environment happy-dom
// The watcher: reports kinds only when they change, notices fields added later (also inside open
// shadow roots), ignores our own button's moves, and re-detects on demand before a fill.
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeTarget } from './find';
import { type FieldWatcher, watchCodeFields } from './watch';

const FIELD = '<label for="c">Authentication code</label><input id="c" autocomplete="one-time-code">';

let watcher: FieldWatcher | undefined;
afterEach(() => {
  watcher?.stop();
  document.body.innerHTML = '';
});

/** Polls until `check` holds (the watcher works on timers), failing after a generous bound. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never: ${what}`);
}

function start(ignore: Node | null = null) {
  const kinds: CodeTarget['kind'][][] = [];
  let passes = 0;
  watcher = watchCodeFields(document, {
    debounceMs: 5,
    onKinds: (k) => kinds.push(k),
    onTargets: () => passes++,
    ignore: () => ignore,
  });
  return { kinds, passes: () => passes };
}

describe('watchCodeFields', () => {
  it('says nothing for a page without fields, then reports a field added later and its removal', async () => {
    const { kinds } = start();
    expect(kinds).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', `<form id="f">${FIELD}</form>`);
    await until(() => kinds.length === 1, 'the field is reported');
    expect(kinds).toEqual([['otp']]);
    document.getElementById('f')?.remove();
    await until(() => kinds.length === 2, 'the removal is reported');
    expect(kinds[1]).toEqual([]);
  });

  it('notices a field that appears later inside an open shadow root', async () => {
    document.body.innerHTML = '<x-login></x-login>';
    const root = (document.querySelector('x-login') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Checking your password…</p>';
    const { kinds } = start();
    root.innerHTML = `<h2>Two-factor authentication</h2>${FIELD}`;
    await until(() => kinds.length === 1, 'the shadow field is reported');
    expect(watcher?.target('otp')?.inputs[0]).toBe(root.getElementById('c'));
  });

  it("ignores a change to our own button alone, but not the page's changes", async () => {
    const own = document.createElement('div');
    document.body.append(own);
    const { passes } = start(own);
    const before = passes();
    own.style.left = '10px';
    document.body.append(document.createElement('span')); // a page change, after ours
    await until(() => passes() > before, 'a pass for the page change');
    const after = passes();
    own.style.left = '20px';
    await new Promise((r) => setTimeout(r, 50));
    expect(passes()).toBe(after);
  });

  it('re-detects on demand when the field was replaced before a fill', () => {
    document.body.innerHTML = `<div id="step">${FIELD}</div>`;
    start();
    const first = watcher?.target('otp')?.inputs[0];
    (document.getElementById('step') as HTMLElement).innerHTML = FIELD; // a re-render: new element
    const second = watcher?.target('otp')?.inputs[0];
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(second?.isConnected).toBe(true);
  });
});
