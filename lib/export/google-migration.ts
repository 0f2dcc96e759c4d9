import { Secret } from 'otpauth';
import type { AccountDraft } from '../otp/types';

/**
 * Accounts per QR code. Google Authenticator's own export puts about ten in each; a link of ten
 * typical accounts stays near 600 characters, a QR code its camera scanner reads at once.
 * @see https://github.com/google/google-authenticator-android (export: several QR codes in a batch)
 */
export const MIGRATION_BATCH = 10;

/** Google Authenticator's enums (MigrationPayload): 1-based, 0 = unspecified. */
const ALGORITHM: Record<string, number> = { SHA1: 1, SHA256: 2, SHA512: 3 };
const DIGITS: Record<number, number> = { 6: 1, 8: 2 };
const TYPE: Record<string, number> = { hotp: 1, totp: 2 };

/** A protobuf varint. @see https://protobuf.dev/programming-guides/encoding/#varints */
function varint(n: number): number[] {
  const out: number[] = [];
  let v = BigInt(n);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}
const intField = (field: number, n: number) => [(field << 3) | 0, ...varint(n)];
const bytesField = (field: number, bytes: Uint8Array | number[]) => [
  (field << 3) | 2,
  ...varint(bytes.length),
  ...bytes,
];
const text = (s: string) => new TextEncoder().encode(s);

/** Whether Google Authenticator can hold this account: it knows 30 s TOTP and HOTP, 6 or 8 digits. */
export function fitsGoogleAuthenticator(a: AccountDraft): boolean {
  return (
    (a.type === 'hotp' || (a.type === 'totp' && a.period === 30)) &&
    a.digits in DIGITS &&
    a.algorithm in ALGORITHM
  );
}

function otpParameters(a: AccountDraft): number[] {
  const name = a.issuer && a.label ? `${a.issuer}:${a.label}` : a.label || a.issuer;
  return [
    ...bytesField(1, new Uint8Array(Secret.fromBase32(a.secret).buffer)),
    ...bytesField(2, text(name)),
    ...bytesField(3, text(a.issuer)),
    ...intField(4, ALGORITHM[a.algorithm] ?? 1),
    ...intField(5, DIGITS[a.digits] ?? 1),
    ...intField(6, TYPE[a.type] ?? 2),
    ...(a.type === 'hotp' ? intField(7, a.counter) : []),
  ];
}

const base64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

/**
 * `otpauth-migration://offline?data=…` links for Google Authenticator's "Scan QR code": one per
 * batch of {@link MIGRATION_BATCH}, numbered as its own export numbers them, so the phone
 * knows it has them all. Accounts it cannot hold are returned apart, to be named to the user.
 * @see https://github.com/dim13/otpauth/blob/master/migration/migration.proto
 */
export function exportGoogleMigration(
  accounts: readonly AccountDraft[],
  batchId: number,
): { links: string[]; skipped: AccountDraft[] } {
  const fit = accounts.filter(fitsGoogleAuthenticator);
  const skipped = accounts.filter((a) => !fitsGoogleAuthenticator(a));
  const size = Math.max(1, Math.ceil(fit.length / MIGRATION_BATCH));
  const links = Array.from({ length: fit.length ? size : 0 }, (_, i) => {
    const batch = fit.slice(i * MIGRATION_BATCH, (i + 1) * MIGRATION_BATCH);
    const payload = [
      ...batch.flatMap((a) => bytesField(1, otpParameters(a))),
      ...intField(2, 1), // version
      ...intField(3, size),
      ...intField(4, i),
      ...intField(5, batchId),
    ];
    return `otpauth-migration://offline?data=${encodeURIComponent(base64(payload))}`;
  });
  return { links, skipped };
}
