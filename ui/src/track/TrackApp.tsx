import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import type { TrackedOrder } from '../api/types';
import { useLive } from '../live/preact';
import { startTrackingFeed, type TrackingFeed } from '../live/tracking-feed';
import { ConnectionBadge } from '../shared/ConnectionBadge';
import type { Lang } from '../shared/format';
import { addressInLanguage, pageLanguage, trackingToken } from './location';
import { TRACK_TEXT } from './text';
import { TrackedOrderView } from './TrackedOrderView';

/** While the server cannot be reached for the first load, try again this often. */
const RETRY_MS = 5_000;

type Problem = 'notFound' | 'badLink' | 'unreachable';

export function TrackApp() {
  const [lang, setLang] = useState<Lang>(() => pageLanguage(location.search));
  const [token] = useState(() => trackingToken(location.pathname, location.search));
  const [feed, setFeed] = useState<TrackingFeed | null>(null);
  const [problem, setProblem] = useState<Problem | null>(token ? null : 'badLink');
  const [tries, setTries] = useState(0);
  const text = TRACK_TEXT[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${text.title} · Forno`;
  }, [lang, text]);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    let started: TrackingFeed | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    startTrackingFeed(token).then(
      (feed) => {
        if (cancelled) {
          feed.stop();
          return;
        }
        started = feed;
        setFeed(feed);
        setProblem(null);
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 404) {
          setProblem('notFound');
          return;
        }
        setProblem('unreachable');
        retry = setTimeout(() => {
          setTries((n) => n + 1);
        }, RETRY_MS);
      },
    );
    return () => {
      cancelled = true;
      clearTimeout(retry);
      started?.stop();
    };
  }, [token, tries]);

  const other = text.switchTo;
  return (
    <div class="track">
      <header class="track__top">
        <p class="track__shop">Forno</p>
        <a
          class="track__lang"
          href={addressInLanguage(location.pathname, location.search, other.lang)}
          hreflang={other.lang}
          lang={other.lang}
          onClick={(event) => {
            // Switch in place: no reload, the live connection stays up.
            event.preventDefault();
            history.replaceState(null, '', addressInLanguage(location.pathname, location.search, other.lang));
            setLang(other.lang);
          }}
        >
          {other.label}
        </a>
      </header>
      <main class="track__main">
        {feed ? (
          <LiveOrder feed={feed} lang={lang} />
        ) : problem ? (
          <p class="alert" role="alert">
            {text[problem]}
          </p>
        ) : (
          <p>{text.loading}</p>
        )}
      </main>
    </div>
  );
}

function LiveOrder({ feed, lang }: { feed: TrackingFeed; lang: Lang }) {
  const { connection, orders } = useLive(feed);
  const order: TrackedOrder | undefined = orders[0];
  return (
    <>
      <ConnectionBadge state={connection} lang={lang} />
      {order && <TrackedOrderView order={order} lang={lang} />}
    </>
  );
}
