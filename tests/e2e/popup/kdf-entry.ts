// Bundled by bench/browser/popup.bench.mjs and evaluated in an extension page: times the product's
// own key derivation (Argon2id through hash-wasm, the parameters new vaults get) in Chromium.
import { DEFAULT_KDF, deriveKek, randomBytes, SALT_BYTES, toBase64 } from '../../../lib/vault/crypto';

(globalThis as Record<string, unknown>).__keyfobKdfTimes = async (runs: number): Promise<number[]> => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const salt = toBase64(randomBytes(SALT_BYTES));
    const t0 = performance.now();
    await deriveKek('a bench password', { name: 'argon2id', ...DEFAULT_KDF, salt });
    times.push(performance.now() - t0);
  }
  return times;
};
