import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { useText } from '../i18n/preact';
import { qrDrawing } from './qr';
import { sharedText } from './text';
import './qr.css';

export interface QrCodeProps {
  /** What the code holds (a URL); also shown as text, for screens without a camera. */
  value: string;
  /** What the code is for, said before the URL text. */
  label: ComponentChildren;
  /** Side length in CSS pixels. */
  size?: number;
  testId?: string;
}

/** A QR code with its URL written beside it. */
export function QrCode({ value, label, size = 200, testId }: QrCodeProps) {
  const drawing = useMemo(() => qrDrawing(value), [value]);
  const t = useText(sharedText);
  return (
    <figure class="qr" data-testid={testId}>
      <svg
        class="qr__code"
        data-testid={testId && `${testId}-image`}
        width={size}
        height={size}
        viewBox={`0 0 ${drawing.size} ${drawing.size}`}
        shape-rendering="crispEdges"
        role="img"
        aria-label={t.qrLabel(value)}
      >
        <rect width={drawing.size} height={drawing.size} fill="#ffffff" />
        <path d={drawing.path} fill="#000000" />
      </svg>
      <figcaption class="qr__caption">
        <span class="qr__label">{label}</span>
        <span class="qr__url" data-testid={testId && `${testId}-url`}>
          {value}
        </span>
      </figcaption>
    </figure>
  );
}
