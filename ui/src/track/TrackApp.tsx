import { useEffect, useState } from 'preact/hooks';
import { ApiError, requestJson } from '../api/http';
import type { components } from '../api/schema';
import type { TrackedOrder } from '../api/types';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useText, useTitle } from '../i18n/preact';
import { useFeed, useLive } from '../live/preact';
import { startTrackingFeed, type TrackingFeed } from '../live/tracking-feed';
import { ConnectionBadge } from '../shared/ConnectionBadge';
import { trackingToken } from './location';
import { trackText } from './text';
import { TrackedOrderView } from './TrackedOrderView';

type Shop = components['schemas']['ShopDto'];

export function TrackApp() {
  const [token] = useState(() => trackingToken(location.pathname, location.search));
  const text = useText(trackText);
  const [shop, setShop] = useState<Shop | null>(null);
  useEffect(() => {
    // The shop's name and phone number; the order is followed without them if they do not come.
    requestJson<Shop>('/api/v1/shop').then(setShop, () => undefined);
  }, []);
  useTitle(`${text.title} · ${shop?.name ?? 'Forno'}`);
  return (
    <div class="track">
      <header class="track__top">
        <p class="track__shop">{shop?.name ?? 'Forno'}</p>
        <LanguageSwitch />
      </header>
      <main class="track__main">
        {token ? (
          <FollowedOrder token={token} />
        ) : (
          <p class="alert" role="alert">
            {text.badLink}
          </p>
        )}
        {shop && (
          <p class="track__call">
            {text.questions}{' '}
            <a href={`tel:${shop.phone.replace(/[^\d+]/g, '')}`} data-testid="shop-phone">
              {shop.phone}
            </a>
          </p>
        )}
        <p>
          <a href="/">{text.orderMore}</a>
        </p>
      </main>
    </div>
  );
}

/** Starts following the order (retrying while the pizzeria cannot be reached) and shows it. */
function FollowedOrder({ token }: { token: string }) {
  const text = useText(trackText);
  const state = useFeed(
    {
      start: () => startTrackingFeed(token),
      // An unknown token stays unknown: say so rather than try again.
      isFinal: (error) => error instanceof ApiError && error.status === 404,
    },
    [token],
  );
  switch (state.kind) {
    case 'running':
      return <LiveOrder feed={state.feed} />;
    case 'starting':
      return <p>{text.loading}</p>;
    case 'retrying':
    case 'failed':
      return (
        <p class="alert" role="alert">
          {state.kind === 'failed' ? text.notFound : text.unreachable}
        </p>
      );
  }
}

function LiveOrder({ feed }: { feed: TrackingFeed }) {
  const { connection, orders } = useLive(feed);
  const order: TrackedOrder | undefined = orders[0];
  return (
    <>
      <ConnectionBadge state={connection} />
      {order && <TrackedOrderView order={order} />}
    </>
  );
}
