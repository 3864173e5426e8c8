import { useLang } from '../i18n/preact';
import type { ConnectionState } from '../live/connection-state';
import { connectionText } from './connection-text';

/** Always on screen: is this page live, and if not, since when. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { symbol, label } = connectionText(state, useLang());
  return (
    <p
      class={`connection connection--${state.kind}`}
      role="status"
      data-testid="connection-state"
      data-state={state.kind}
    >
      <span class="connection__symbol" aria-hidden="true">
        {symbol}
      </span>{' '}
      {label}
    </p>
  );
}
