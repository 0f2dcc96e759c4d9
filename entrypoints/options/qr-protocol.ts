/** Request to the QR worker: an image file or a `data:` URL (a tab capture). */
export interface QrRequest {
  id: number;
  image: Blob | string;
}

/** The worker's answer: every QR text found, or a typed failure when the image is unreadable. */
export type QrResponse =
  | { id: number; ok: true; texts: string[] }
  | { id: number; ok: false; code: 'bad-image' };
