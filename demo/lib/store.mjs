// The demo's accounts: a Map in memory, optionally mirrored to a JSON file (`--state`) so a manual
// session with Keyfob survives a restart. Sessions are not stored: a restart signs everyone out,
// which is also what a real site does when it rotates its session store.

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * @typedef {import('./backup-codes.mjs').BackupSet} BackupSet
 * @typedef {{ secret: string, enabledAt: number, lastStep: number }} TwoStep
 * @typedef {{ tokenHash: string, expiresAt: number }} Device
 * @typedef {{
 *   username: string,
 *   passwordHash: string,
 *   createdAt: number,
 *   twoStep: TwoStep | null,
 *   backup: BackupSet | null,
 *   devices: Device[],
 * }} User
 */

const FORMAT = 1;

/** Lower case, because "Alice" and "alice" signing up as two people would only confuse a demo. */
export function normalizeUsername(name) {
  return String(name ?? '')
    .trim()
    .toLowerCase();
}

/**
 * Why a username cannot be used, or null when it can.
 * @param {string} username already normalised
 * @returns {string | null}
 */
export function usernameProblem(username) {
  if (username.length < 3 || username.length > 32) return 'Choose a username of 3 to 32 characters.';
  if (!/^[a-z0-9._-]+$/.test(username)) return 'Use only letters, digits, dots, dashes and underscores.';
  return null;
}

/**
 * Opens the user store; with `file`, loads it if present and rewrites it after every change.
 * The write goes to a temporary file that is then renamed, so a crash never leaves half a file.
 * @param {{ file?: string | null }} [options]
 */
export function createStore({ file = null } = {}) {
  /** @type {Map<string, User>} */
  const users = new Map();
  if (file && existsSync(file)) {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    if (data.format !== FORMAT) throw new Error(`${file}: unknown state format ${data.format}`);
    for (const user of data.users) users.set(user.username, user);
  }

  return {
    /** @param {string} username @returns {User | undefined} */
    find: (username) => users.get(normalizeUsername(username)),

    /**
     * @param {string} username already normalised and checked
     * @param {string} passwordHash
     * @param {number} nowMs
     * @returns {User}
     */
    add(username, passwordHash, nowMs) {
      /** @type {User} */
      const user = { username, passwordHash, createdAt: nowMs, twoStep: null, backup: null, devices: [] };
      users.set(username, user);
      this.save();
      return user;
    },

    /** Persists every user; call after changing one. */
    save() {
      if (!file) return;
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify({ format: FORMAT, users: [...users.values()] }, null, 2)}\n`);
      renameSync(tmp, file);
    },
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */
