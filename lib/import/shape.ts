/**
 * Narrowing helpers for JSON of unknown shape: importers read foreign files field by field and
 * never trust a type.
 */

export type Obj = Record<string, unknown>;

/**
 * The value as a plain object, or undefined (arrays and null are not objects here).
 * @see https://www.rfc-editor.org/rfc/rfc8259
 */
export function asObj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** @see https://www.rfc-editor.org/rfc/rfc8259 */
export function asArr(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** @see https://www.rfc-editor.org/rfc/rfc8259 */
export function asStr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * True when `name` ends with one of the extensions (case-insensitive, given without dots).
 * @see docs/research/import-formats.md
 */
export function hasExt(name: string, ...exts: string[]): boolean {
  const lower = name.toLowerCase();
  return exts.some((e) => lower.endsWith(`.${e}`));
}
