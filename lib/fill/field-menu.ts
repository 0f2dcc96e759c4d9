import type { FieldMenu } from '../messages';
import type { StoredAccount } from '../vault/types';
import { isBound } from './service';

/** How an account is named to the user: "Issuer (label)", or whichever of the two exists. */
export function accountName(a: Pick<StoredAccount, 'issuer' | 'label'>): string {
  if (a.issuer && a.label) return `${a.issuer} (${a.label})`;
  return a.issuer || a.label || '?';
}

/**
 * What the in-field button offers a frame: the names of the accounts bound to the frame's own
 * origin (registrable domain), never a code or a secret, and nothing at all while locked (the
 * names live inside the encrypted records).
 * @see /work/shared/DESIGN.md "Data flow" (Fill) and lib/sites
 */
export function fieldMenu(
  accounts: readonly Pick<StoredAccount, 'id' | 'issuer' | 'label' | 'sites'>[] | null,
  origin: string,
): FieldMenu {
  if (!accounts) return { locked: true, accounts: [] };
  return {
    locked: false,
    accounts: accounts.filter((a) => isBound(a, origin)).map((a) => ({ id: a.id, name: accountName(a) })),
  };
}
