// The busy switches, in the head of the counter's online-orders panel: pause online orders,
// raise or lower the prep time (both follow `shop.updated` on the staff feed, so two counters
// agree); and this counter's idle lock, in its bar.

import { useEffect, useState } from 'preact/hooks';
import { requestJson } from '../api/http';
import { setPaused, shopStatus } from '../api/counter';
import { mayDo } from '../api/session';
import type { StaffMember } from '../api/types';
import type { StaffFeed } from '../live/staff-feed';
import { useLang } from '../i18n/preact';
import { LOCK_CHOICES, lockMinutes, setLockMinutes } from './lock';
import { counterText } from './text';

const REFRESH_MS = 30_000;
const PREP_STEP = 5;

export function BusySwitches({ staff, feed }: { staff: StaffMember; feed: StaffFeed }) {
  const t = counterText[useLang()].bar;
  const [paused, setPausedState] = useState<boolean | null>(null);
  const [prep, setPrep] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () => {
    shopStatus().then(
      (shop) => {
        setPausedState(shop.paused);
        setPrep(shop.prep_time_minutes);
      },
      () => undefined,
    );
  };
  useEffect(() => {
    refresh();
    const stop = feed.listen((event) => {
      if (event.type === 'shop.updated') refresh();
    });
    // And now and then, for a feed that is down for a while.
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [feed]);

  if (!mayDo(staff, 'pause_online_orders') || paused === null || prep === null) return null;

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const changePrep = (by: number) =>
    run(() =>
      requestJson('/api/v1/settings/prep-time', {
        method: 'POST',
        body: { prep_time_minutes: Math.max(PREP_STEP, prep + by) },
      }),
    );

  return (
    <div class="busy" role="group" aria-label={t.prepTime(prep)}>
      <button
        type="button"
        class={paused ? 'danger' : 'secondary'}
        aria-pressed={paused}
        disabled={busy}
        data-testid="pause-online"
        onClick={() => void run(() => setPaused(!paused))}
      >
        {paused ? `⏸ ${t.paused} · ${t.resume}` : t.pause}
      </button>
      <button type="button" class="secondary" disabled={busy || prep <= PREP_STEP} onClick={() => void changePrep(-PREP_STEP)}>
        {t.lowerPrep}
      </button>
      <span class="busy__prep" data-testid="prep-time">
        <span class="busy__prep-label">{t.prepTimeLabel} </span>
        {t.minutes(prep)}
      </span>
      <button type="button" class="secondary" disabled={busy} onClick={() => void changePrep(PREP_STEP)}>
        {t.raisePrep}
      </button>
    </div>
  );
}

/** How long this counter waits before it locks itself. */
export function LockChoice() {
  const t = counterText[useLang()].bar;
  const [minutes, setMinutes] = useState(lockMinutes());
  return (
    <label class="lock-choice">
      {t.lockAfter}{' '}
      <select
        value={String(minutes)}
        onChange={(event) => {
          const next = Number(event.currentTarget.value);
          setLockMinutes(next);
          setMinutes(next);
        }}
      >
        {LOCK_CHOICES.map((m) => (
          <option key={m} value={String(m)}>
            {m === 0 ? t.never : t.minutes(m)}
          </option>
        ))}
      </select>
    </label>
  );
}
