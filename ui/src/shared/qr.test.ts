import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrDrawing } from './qr';

describe('qrDrawing', () => {
  it('draws a square code with a quiet zone around it', () => {
    const drawing = qrDrawing('http://192.168.1.20:8080/pair/ABCD2345');
    // Version 3 (29 modules) holds a URL this long at medium error correction.
    expect((drawing.size - 2 * QUIET_ZONE - 17) % 4).toBe(0);
    expect(drawing.size).toBeGreaterThanOrEqual(21 + 2 * QUIET_ZONE);
    // The top-left finder pattern starts at the quiet zone's edge: a run of 7 dark modules.
    expect(drawing.path.startsWith(`M${QUIET_ZONE} ${QUIET_ZONE}h7v1h-7z`)).toBe(true);
  });

  it('draws the same text the same way, and other text otherwise', () => {
    const a = qrDrawing('http://192.168.1.20:8080/');
    expect(qrDrawing('http://192.168.1.20:8080/')).toEqual(a);
    expect(qrDrawing('http://192.168.1.21:8080/').path).not.toBe(a.path);
  });

  it('grows for longer text', () => {
    expect(qrDrawing('x'.repeat(200)).size).toBeGreaterThan(qrDrawing('http://a/').size);
  });
});
