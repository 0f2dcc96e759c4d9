/**
 * lib/detect — finds one-time-code fields in the page and fills them (content script, DOM only).
 * @see docs/design.md (lib/detect contract)
 */
export { fillCode } from './fill';
export { type CodeTarget, findCodeFields } from './find';
