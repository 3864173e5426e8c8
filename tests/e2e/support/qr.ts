// Reads a QR code back from a screenshot, the way a phone's camera would: if this decodes to
// the URL shown next to the code, customers' phones will too.

import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text in the QR code on a PNG screenshot, or null when none can be read. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(pixels, image.width, image.height)?.data ?? null;
}
