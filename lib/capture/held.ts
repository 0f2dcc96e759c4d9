/** How long a screenshot waits for the options page to take it. */
export const CAPTURE_TTL_MS = 60_000;

/**
 * Holds one tab screenshot between the popup's "Scan QR code" and the options page that decodes
 * it: in memory only, handed out once, forgotten after {@link CAPTURE_TTL_MS}. A screenshot can
 * show anything on the page, so it must not linger or be stored. Time is passed in.
 * @see docs/design.md "Security rules"
 */
export function createCaptureHolder(ttlMs: number = CAPTURE_TTL_MS) {
  let held: { dataUrl: string; at: number } | null = null;
  return {
    /** Keeps `dataUrl`, replacing any earlier capture. */
    put(dataUrl: string, now: number): void {
      held = { dataUrl, at: now };
    },
    /** The capture if it is fresh, else null; either way nothing is held afterwards. */
    take(now: number): string | null {
      const h = held;
      held = null;
      if (!h || now < h.at || now - h.at > ttlMs) return null;
      return h.dataUrl;
    },
    /** Whether a fresh capture is waiting (does not consume it). */
    has(now: number): boolean {
      return held !== null && now >= held.at && now - held.at <= ttlMs;
    },
  };
}

export type CaptureHolder = ReturnType<typeof createCaptureHolder>;
