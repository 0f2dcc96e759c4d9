// Bundled into a script evaluated inside an extension page of one test profile: the edits a user
// would make on that device (rename, delete, use a backup code, next HOTP code), written through
// the product's own lib/vault into that profile's vault, which must be unlocked.
import { markUsed } from '../../../lib/recovery/sheet';
import { browserSession, type SessionArea } from '../../../lib/vault/session';
import { openVault } from '../../../lib/vault/vault';

declare const chrome: { storage: { session: SessionArea } };

export type Edit =
  | { kind: 'rename'; issuer: string; to: string }
  | { kind: 'remove'; issuer: string }
  | { kind: 'use-code'; issuer: string; code: string }
  | { kind: 'next-hotp'; issuer: string }
  | { kind: 'password'; from: string; to: string };

/** What a device shows: every account with its counter and its used backup codes. */
export interface View {
  issuer: string;
  counter: number;
  used: string[];
}

const vault = () => openVault({ session: browserSession(chrome.storage.session) });

(globalThis as Record<string, unknown>).__keyfobEdit = async (edits: Edit[]) => {
  const v = vault();
  const byIssuer = async (issuer: string) => {
    const a = (await v.list()).accounts.find((x) => x.issuer === issuer);
    if (!a) throw new Error(`no account ${issuer}`);
    return a;
  };
  for (const e of edits) {
    if (e.kind === 'password') {
      await v.changePassword(e.from, e.to);
      continue;
    }
    const a = await byIssuer(e.issuer);
    if (e.kind === 'rename') await v.update(a.id, { issuer: e.to });
    if (e.kind === 'remove') await v.remove(a.id);
    if (e.kind === 'next-hotp') await v.update(a.id, { counter: a.counter + 1 });
    if (e.kind === 'use-code') {
      const sheet = await v.getRecovery(a.id);
      if (!sheet) throw new Error(`no sheet for ${e.issuer}`);
      await v.setRecovery(a.id, markUsed(sheet, e.code, Date.now()));
    }
  }
  await v.close();
};

(globalThis as Record<string, unknown>).__keyfobView = async (): Promise<View[]> => {
  const v = vault();
  const { accounts } = await v.list();
  const out: View[] = [];
  for (const a of accounts) {
    const sheet = await v.getRecovery(a.id);
    const used = (sheet?.codes ?? []).filter((c) => c.usedAt !== null).map((c) => c.code);
    out.push({ issuer: a.issuer, counter: a.counter, used: used.sort() });
  }
  await v.close();
  return out.sort((x, y) => x.issuer.localeCompare(y.issuer));
};
