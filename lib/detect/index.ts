/**
 * lib/detect — finds one-time-code fields in the page and fills them (content script, DOM only).
 * @see /work/shared/DESIGN.md (lib/detect contract)
 */
export { fillCode } from './fill';
export { type CodeTarget, findCodeFields } from './find';
