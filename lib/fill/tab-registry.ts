import type { FieldKind } from '../messages';

export interface FrameFields {
  frameId: number;
  /** the frame's own origin, as the browser reported the sender (never the page's word) */
  origin: string;
  url: string;
  kinds: FieldKind[];
}

/**
 * What each tab's content scripts reported: which frames have code fields of which kind. Kept in
 * the background's memory (and mirrored to storage.session so a service-worker restart keeps it);
 * frames report again on every page load, so stale entries are dropped when a tab navigates.
 */
export class TabRegistry {
  private tabs = new Map<number, Map<number, FrameFields>>();

  /** Records one frame's report; a top-frame report with a new URL resets the tab. */
  report(tabId: number, frame: FrameFields): void {
    let frames = this.tabs.get(tabId);
    if (!frames) {
      frames = new Map();
      this.tabs.set(tabId, frames);
    }
    if (frame.frameId === 0) {
      const top = frames.get(0);
      if (top && top.url !== frame.url) frames.clear();
    }
    if (frame.kinds.length) frames.set(frame.frameId, frame);
    else frames.delete(frame.frameId);
  }

  forgetTab(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /** Frames that have a field of `kind`, top frame first. */
  framesWith(tabId: number, kind: FieldKind): FrameFields[] {
    const frames = [...(this.tabs.get(tabId)?.values() ?? [])];
    return frames.filter((f) => f.kinds.includes(kind)).sort((a, b) => a.frameId - b.frameId);
  }

  /** The URL the tab's top frame reported (known only while it has a code field). */
  topUrl(tabId: number): string | undefined {
    return this.tabs.get(tabId)?.get(0)?.url;
  }

  kinds(tabId: number): FieldKind[] {
    const all = new Set<FieldKind>();
    for (const f of this.tabs.get(tabId)?.values() ?? []) for (const k of f.kinds) all.add(k);
    return [...all].sort();
  }

  toJSON(): [number, FrameFields[]][] {
    return [...this.tabs].map(([tab, frames]) => [tab, [...frames.values()]]);
  }

  static fromJSON(data: unknown): TabRegistry {
    const reg = new TabRegistry();
    if (!Array.isArray(data)) return reg;
    for (const entry of data) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'number' || !Array.isArray(entry[1])) continue;
      for (const f of entry[1] as FrameFields[]) reg.report(entry[0], f);
    }
    return reg;
  }
}
