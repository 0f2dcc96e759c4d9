/**
 * A clock that pages and stores read instead of `Date.now`, so tests inject one they control.
 * @see https://tc39.es/ecma262/#sec-date.now
 */
export interface Clock {
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };
