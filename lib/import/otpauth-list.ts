/**
 * Plain-text lists of otpauth:// links: Aegis and Ente Auth plain exports, the Authenticator
 * extension's text backup, or a list a user made.
 * @see docs/research/import-formats.md §1, §7, §8
 */
import { hasLineWith, parseLinkLines } from './lines';
import type { ImportFormat } from './types';

export const otpauthList: ImportFormat = {
  id: 'otpauth-list',
  label: 'otpauth:// link list',
  sniff(src) {
    if (src.json !== undefined || !hasLineWith(src.text, 'otpauth')) return 0;
    return 0.8;
  },
  async parse(src) {
    return parseLinkLines(src.text, 'otpauth:// link list');
  },
};
