/**
 * JSON with object keys sorted at every level: two states are the same exactly when their
 * canonical texts are, whichever device built them and in what key order.
 * @see https://www.rfc-editor.org/rfc/rfc8785 (the idea of JSON canonicalization, simplified)
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .filter((k) => o[k] !== undefined)
        .map((k) => [k, o[k]]),
    );
  });
}
