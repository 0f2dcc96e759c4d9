// "Remember this device": a random token in a long-lived HttpOnly cookie; the server keeps only
// its hash, per user, with an expiry, so forgetting devices is a server-side switch.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE = 'demo_device';
export const DEVICE_TTL_SECONDS = 30 * 24 * 60 * 60;

/** @typedef {import('./store.mjs').User} User */

/** @param {string} token */
const hashToken = (token) => createHash('sha256').update(token).digest('base64url');

/**
 * Remembers a new device for `user`; returns the token to put in the cookie.
 * @param {User} user
 * @param {number} nowMs
 * @returns {string}
 */
export function rememberDevice(user, nowMs) {
  const token = randomBytes(32).toString('base64url');
  user.devices = user.devices.filter((d) => d.expiresAt > nowMs);
  user.devices.push({ tokenHash: hashToken(token), expiresAt: nowMs + DEVICE_TTL_SECONDS * 1000 });
  return token;
}

/**
 * True when `token` (from the cookie) is one of `user`'s unexpired devices. The token is tied to
 * the user, so a cookie remembered for one account never lets another account skip its code.
 * @param {User} user
 * @param {string | undefined} token
 * @param {number} nowMs
 * @returns {boolean}
 */
export function isRememberedDevice(user, token, nowMs) {
  if (!token) return false;
  const wanted = Buffer.from(hashToken(token));
  return user.devices.some((d) => {
    const stored = Buffer.from(d.tokenHash);
    return d.expiresAt > nowMs && stored.length === wanted.length && timingSafeEqual(stored, wanted);
  });
}

/**
 * How many devices of `user` still skip the code.
 * @param {User} user
 * @param {number} nowMs
 */
export function rememberedDeviceCount(user, nowMs) {
  return user.devices.filter((d) => d.expiresAt > nowMs).length;
}
