import type { ConnectionState } from '../live/connection-state';
import { connectionText } from './connection-text';
import type { Lang } from './format';

/** Always on screen: is this page live, and if not, since when. */
export function ConnectionBadge({ state, lang = 'nl' }: { state: ConnectionState; lang?: Lang }) {
  const { symbol, label } = connectionText(state, lang);
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
