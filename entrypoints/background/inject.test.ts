// The sentinel's request: the detector goes into the sending document (or its frame) and nowhere
// else, and a sender without a tab gets nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DETECTOR_FILE, injectFeature } from './inject';

const handler = injectFeature()['code-candidate'];
const msg = { type: 'code-candidate' } as const;

describe('code-candidate', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is a content-script message', () => {
    expect(handler?.from).toBe('content');
  });

  it("injects into the sender's own document only", async () => {
    const run = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    const reply = await handler?.handle(msg, { tab: { id: 7 }, frameId: 3, documentId: 'D1' });
    expect(reply).toEqual({ injected: true });
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith({ target: { tabId: 7, documentIds: ['D1'] }, files: [DETECTOR_FILE] });
  });

  it("falls back to the sender's frame where document ids are not taken", async () => {
    const run = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockRejectedValueOnce(new Error('documentIds unsupported'))
      .mockResolvedValue([]);
    const reply = await handler?.handle(msg, { tab: { id: 7 }, frameId: 3, documentId: 'D1' });
    expect(reply).toEqual({ injected: true });
    expect(run).toHaveBeenLastCalledWith({ target: { tabId: 7, frameIds: [3] }, files: [DETECTOR_FILE] });
  });

  it('injects nothing for a sender without a tab, and reports a frame that went away', async () => {
    const run = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('gone'));
    expect(await handler?.handle(msg, { frameId: 0 })).toEqual({ injected: false });
    expect(run).not.toHaveBeenCalled();
    expect(await handler?.handle(msg, { tab: { id: 1 }, frameId: 0 })).toEqual({ injected: false });
  });
});
