import { describe, expect, it } from 'vitest';
import { CAPTURE_TTL_MS, createCaptureHolder } from './held';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('createCaptureHolder', () => {
  it('hands a capture out once', () => {
    const h = createCaptureHolder();
    h.put(PNG, 1_000);
    expect(h.has(1_500)).toBe(true);
    expect(h.take(1_500)).toBe(PNG);
    expect(h.take(1_600)).toBeNull();
    expect(h.has(1_600)).toBe(false);
  });

  it('keeps a capture for exactly the time to live, then forgets it', () => {
    const h = createCaptureHolder();
    h.put(PNG, 0);
    expect(h.take(CAPTURE_TTL_MS)).toBe(PNG);
    h.put(PNG, 0);
    expect(h.has(CAPTURE_TTL_MS + 1)).toBe(false);
    expect(h.take(CAPTURE_TTL_MS + 1)).toBeNull();
    // An expired capture is dropped by the failed take, not kept for a clock that goes back.
    expect(h.take(10)).toBeNull();
  });

  it('a newer capture replaces the older one', () => {
    const h = createCaptureHolder(5_000);
    h.put('data:image/png;base64,AAAA', 0);
    h.put(PNG, 4_000);
    expect(h.take(8_000)).toBe(PNG);
  });

  it('refuses a capture from the future (clock moved back)', () => {
    const h = createCaptureHolder();
    h.put(PNG, 10_000);
    expect(h.take(9_000)).toBeNull();
  });

  it('gives nothing when nothing was captured', () => {
    expect(createCaptureHolder().take(0)).toBeNull();
  });
});
