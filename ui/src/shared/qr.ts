// A QR code as one SVG path, so pages can draw it crisp at any size without a canvas.
// qrcode-generator does the encoding (MIT, no dependencies).

import qrcode from 'qrcode-generator';

/** White modules around the code that scanners need (the "quiet zone" of the standard). */
export const QUIET_ZONE = 4;

export interface QrDrawing {
  /** Width and height in modules, quiet zone included: the SVG's viewBox. */
  size: number;
  /** The dark modules, one `M x y h… v1 h-… z` rectangle per horizontal run. */
  path: string;
}

/** Encodes `text` (a URL) with medium error correction, in the smallest version that fits. */
export function qrDrawing(text: string): QrDrawing {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const runs: string[] = [];
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (!code.isDark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < count && code.isDark(row, col)) col += 1;
      const width = col - start;
      runs.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${width}v1h-${width}z`);
    }
  }
  return { size: count + 2 * QUIET_ZONE, path: runs.join('') };
}
