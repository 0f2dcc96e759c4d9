/** How long a screenshot waits for the options page to take it. */
export const CAPTURE_TTL_MS = 60_000;

/**
 * Holds one tab screenshot between the popup's "Scan QR code" and the options page that decodes
 * it: in memory only, handed out once, forgotten after {@link CAPTURE_TTL_MS}. A screenshot can
 * show anything on the page, so it must not linger or be stored. Time is passed in.
 * @see docs/design.md "Security rules"
 */
export function createCaptureHolder<T = string>(ttlMs: number = CAPTURE_TTL_MS) {
  let held: { value: T; at: number } | null = null;
  return {
    /** Keeps `value` (the screenshot, and what goes with it), replacing any earlier capture. */
    put(value: T, now: number): void {
      held = { value, at: now };
    },
    /** The capture if it is fresh, else null; either way nothing is held afterwards. */
    take(now: number): T | null {
      const h = held;
      held = null;
      if (!h || now < h.at || now - h.at > ttlMs) return null;
      return h.value;
    },
    /** Whether a fresh capture is waiting (does not consume it). */
    has(now: number): boolean {
      return held !== null && now >= held.at && now - held.at <= ttlMs;
    },
  };
}

export type CaptureHolder<T = string> = ReturnType<typeof createCaptureHolder<T>>;
