/**
 * Google Authenticator exports: one `otpauth-migration://offline?data=…` link per line (the text
 * of each exported QR code), all batches in one file.
 * @see docs/research/import-formats.md §2
 */
import { hasLineWith, parseLinkLines } from './lines';
import type { ImportFormat } from './types';

export const googleMigration: ImportFormat = {
  id: 'google-migration',
  label: 'Google Authenticator export',
  sniff(src) {
    if (src.json !== undefined || !hasLineWith(src.text, 'otpauth-migration')) return 0;
    return 0.9;
  },
  async parse(src) {
    return parseLinkLines(src.text, 'Google Authenticator export');
  },
};
