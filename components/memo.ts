import { Component, type FunctionComponent, h } from 'preact';

/**
 * A small `memo` without pulling in `preact/compat` (kept out of the popup bundle): re-render only
 * when a prop changed by identity. Callbacks passed to memoised components must be stable.
 * @see https://preactjs.com/guide/v10/switching-to-preact#memo
 */
export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const prev = this.props as Record<string, unknown>;
      const n = next as Record<string, unknown>;
      for (const k in n) if (n[k] !== prev[k]) return true;
      for (const k in prev) if (!(k in n)) return true;
      return false;
    }
    override render() {
      return h(render, this.props as P);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}
