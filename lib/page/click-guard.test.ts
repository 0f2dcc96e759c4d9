// The in-field button's click check, one attack per row: each changes one fact of an honest click
// and must be refused for that reason; the honest click passes.
import { describe, expect, it } from 'vitest';
import { type ClickFacts, clickProblems, STEADY_MS, sameBox } from './click-guard';

const placed = { left: 300, top: 100, width: 22, height: 22 };

const honest = (): ClickFacts => ({
  trusted: true,
  keyboard: false,
  x: 311,
  y: 111,
  host: {
    opacity: '1',
    visibility: 'visible',
    display: 'inline',
    transform: 'none',
    filter: 'none',
    clipPath: 'none',
    clip: 'auto',
    pointerEvents: 'auto',
    mixBlendMode: 'normal',
    maskImage: 'none',
    position: 'fixed',
    zoom: '1',
  },
  root: { opacity: '1', filter: 'none', mixBlendMode: 'normal', visibility: 'visible' },
  inPlace: true,
  box: { ...placed },
  placed,
  onTop: true,
  overlaid: false,
  steadySince: 1_000,
  visibleSince: 1_000,
  now: 1_000 + STEADY_MS,
});

type Change = (f: ClickFacts) => void;

describe('clickProblems', () => {
  it('lets an honest click through, by mouse or keyboard, with or without IntersectionObserver v2', () => {
    expect(clickProblems(honest())).toEqual([]);
    expect(clickProblems({ ...honest(), keyboard: true, x: 0, y: 0, onTop: false })).toEqual([]);
    expect(clickProblems({ ...honest(), visibleSince: undefined })).toEqual([]);
  });

  it.each<[string, Change, string]>([
    ['a synthetic click', (f) => (f.trusted = false), 'untrusted event'],
    ['host opacity 0 (stretched invisible host)', (f) => (f.host.opacity = '0'), 'host opacity 0'],
    ['host nearly transparent', (f) => (f.host.opacity = '0.05'), 'host opacity 0.05'],
    ['host hidden', (f) => (f.host.visibility = 'hidden'), 'host visibility hidden'],
    ['host display none', (f) => (f.host.display = 'none'), 'host display none'],
    ['host scaled', (f) => (f.host.transform = 'matrix(40, 0, 0, 40, 0, 0)'), 'host transform'],
    ['host filtered to nothing', (f) => (f.host.filter = 'opacity(0)'), 'host filter'],
    ['host clipped away', (f) => (f.host.clipPath = 'inset(50%)'), 'host clipPath'],
    ['host old-style clip', (f) => (f.host.clip = 'rect(0px, 0px, 0px, 0px)'), 'host clip'],
    ['host blended away', (f) => (f.host.mixBlendMode = 'screen'), 'host mixBlendMode'],
    [
      'host masked',
      (f) => (f.host.maskImage = 'linear-gradient(transparent, transparent)'),
      'host maskImage',
    ],
    ['host zoomed', (f) => (f.host.zoom = '50'), 'host zoom'],
    ['host made click-through', (f) => (f.host.pointerEvents = 'none'), 'host pointerEvents'],
    ['host no longer fixed', (f) => (f.host.position = 'absolute'), 'host position'],
    ['page faded (html opacity)', (f) => (f.root.opacity = '0.01'), 'root opacity'],
    ['page filtered (html filter)', (f) => (f.root.filter = 'opacity(0.1)'), 'root filter'],
    ['host moved under another parent', (f) => (f.inPlace = false), 'host moved in the tree'],
    [
      'host stretched over the viewport',
      (f) => (f.box = { left: 0, top: 0, width: 1280, height: 720 }),
      'box',
    ],
    ['host moved elsewhere', (f) => (f.box = { ...placed, left: 20 }), 'box'],
    ['click outside the placed button', (f) => Object.assign(f, { x: 40, y: 500 }), 'click outside'],
    ['a decoy above the button', (f) => (f.onTop = false), 'something above'],
    ['a top-layer overlay', (f) => (f.overlaid = true), 'top-layer'],
    ['button just appeared', (f) => (f.steadySince = f.now - 100), 'not shown long enough'],
    ['occluded (IntersectionObserver v2)', (f) => (f.visibleSince = null), 'not visible'],
    ['visible only briefly (IntersectionObserver v2)', (f) => (f.visibleSince = f.now - 50), 'long enough'],
  ])('refuses %s', (_name, change, reason) => {
    const facts = honest();
    change(facts);
    const problems = clickProblems(facts);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('; ')).toContain(reason);
  });
});

describe('sameBox', () => {
  it('allows a pixel of rounding and nothing more', () => {
    expect(sameBox(placed, { ...placed, left: 300.6 })).toBe(true);
    expect(sameBox(placed, { ...placed, width: 24 })).toBe(false);
  });
});
