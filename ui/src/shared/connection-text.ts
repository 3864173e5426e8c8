// What the connection badge says. Words first: the colour only repeats what the text says.

import type { ConnectionState } from '../live/connection-state';
import { formatClock, type Lang } from './format';

export interface ConnectionText {
  /** A symbol that tells the states apart without colour. */
  symbol: string;
  label: string;
}

export function connectionText(state: ConnectionState, lang: Lang = 'nl'): ConnectionText {
  const nl = lang === 'nl';
  switch (state.kind) {
    case 'connecting':
      return { symbol: '…', label: nl ? 'Verbinden…' : 'Connecting…' };
    case 'live':
      return { symbol: '●', label: 'Live' };
    case 'reconnecting': {
      const since = formatClock(state.since, lang);
      return {
        symbol: '↻',
        label: nl ? `Opnieuw verbinden sinds ${since}…` : `Reconnecting since ${since}…`,
      };
    }
    case 'polling': {
      const since = formatClock(state.since, lang);
      return {
        symbol: '◐',
        label: nl
          ? `Vertraagd: elke paar seconden bijgewerkt (sinds ${since})`
          : `Delayed: updated every few seconds (since ${since})`,
      };
    }
    case 'offline': {
      const since = formatClock(state.since, lang);
      return { symbol: '✕', label: nl ? `Offline sinds ${since}` : `Offline since ${since}` };
    }
  }
}
