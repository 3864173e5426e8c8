// What the connection badge says. Words first: the colour only repeats what the text says.

import type { ConnectionState } from '../live/connection-state';
import { formatClock } from '../i18n/format';
import type { Lang } from '../i18n/lang';
import { sharedText } from './text';

export interface ConnectionText {
  /** A symbol that tells the states apart without colour. */
  symbol: string;
  label: string;
}

export function connectionText(state: ConnectionState, lang: Lang): ConnectionText {
  const text = sharedText[lang].connection;
  switch (state.kind) {
    case 'connecting':
      return { symbol: '…', label: text.connecting };
    case 'live':
      return { symbol: '●', label: text.live };
    case 'reconnecting':
      return { symbol: '↻', label: text.reconnecting(formatClock(state.since, lang)) };
    case 'polling':
      return { symbol: '◐', label: text.polling(formatClock(state.since, lang)) };
    case 'offline':
      return { symbol: '✕', label: text.offline(formatClock(state.since, lang)) };
  }
}
