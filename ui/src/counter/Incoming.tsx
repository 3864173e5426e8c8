// Incoming online orders: a badge and a sound for each new web order until it is handled;
// accept with a prep time (15/20/30/45 min, which sets the customer's expected time) or reject
// with a reason. An order left waiting gets louder: the sound repeats faster and the card is
// highlighted, with the minutes it has waited in words.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { setStatus } from '../api/status';
import { ApiError } from '../api/http';
import type { Order } from '../api/types';
import { formatClock, formatEuro } from '../i18n/format';
import { useLang } from '../i18n/preact';
import { sharedText } from '../shared/text';
import { counterText } from './text';

export const PREP_CHOICES = [15, 20, 30, 45] as const;
/** After this long unaccepted, an order rings louder and more often. */
export const LOUDER_AFTER_MS = 3 * 60_000;
const RING_EVERY_MS = 20_000;
const RING_LOUDER_EVERY_MS = 6_000;

/** Minutes an order has waited since it was placed. */
export function waitedMinutes(order: Order, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(order.placed_at)) / 60_000));
}

/** One short two-tone ring; `loud` for an order left waiting. Silent where audio is blocked. */
function ring(loud: boolean): void {
  try {
    const Ctx = window.AudioContext;
    const ctx = new Ctx();
    const gain = ctx.createGain();
    gain.gain.value = loud ? 0.9 : 0.35;
    gain.connect(ctx.destination);
    [880, 660].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = freq;
      osc.connect(gain);
      osc.start(ctx.currentTime + i * 0.18);
      osc.stop(ctx.currentTime + i * 0.18 + 0.16);
    });
    setTimeout(() => void ctx.close(), 800);
  } catch {
    // No audio on this machine: the badge and the highlight still say it.
  }
}

/** The panel of web orders waiting; `switches` (pause, prep time) sit in its head, beside what they
 * are about. */
export function IncomingPanel({ orders, switches }: { orders: Order[]; switches?: ComponentChildren }) {
  const lang = useLang();
  const t = counterText[lang].incoming;
  const [now, setNow] = useState(Date.now());
  const [rings, setRings] = useState(0);
  const [sound, setSound] = useState(true);
  const known = useRef(new Set<number>());

  // A ring for every order not heard before...
  useEffect(() => {
    const fresh = orders.filter((o) => !known.current.has(o.id));
    for (const o of fresh) known.current.add(o.id);
    if (fresh.length > 0 && sound) {
      ring(false);
      setRings((n) => n + 1);
    }
  }, [orders.map((o) => o.id).join()]);

  // ...and again while any waits, faster and louder once one has waited too long.
  const louder = orders.some((o) => now - Date.parse(o.placed_at) >= LOUDER_AFTER_MS);
  useEffect(() => {
    const tick = setInterval(() => {
      setNow(Date.now());
    }, 1_000);
    return () => {
      clearInterval(tick);
    };
  }, []);
  useEffect(() => {
    if (orders.length === 0 || !sound) return;
    const again = setInterval(
      () => {
        ring(louder);
        setRings((n) => n + 1);
      },
      louder ? RING_LOUDER_EVERY_MS : RING_EVERY_MS,
    );
    return () => {
      clearInterval(again);
    };
  }, [orders.length, louder, sound]);

  return (
    <section
      class={`incoming${orders.length > 0 ? ' incoming--waiting' : ''}${louder ? ' incoming--louder' : ''}`}
      aria-labelledby="incoming-heading"
      data-testid="incoming"
      data-rings={rings}
      data-louder={String(louder)}
    >
      <div class="incoming__head">
        <h2 id="incoming-heading">
          {t.heading}{' '}
          {orders.length > 0 && (
            <span class="badge" data-testid="incoming-badge">
              {t.badge(orders.length)}
            </span>
          )}
        </h2>
        {switches}
        <button
          type="button"
          class="secondary"
          aria-pressed={sound}
          onClick={() => {
            setSound((s) => !s);
          }}
        >
          {sound ? t.sound : t.soundOff}
        </button>
      </div>
      {orders.length === 0 ? (
        <p class="incoming__none">{t.none}</p>
      ) : (
        <ul class="incoming__list" aria-live="polite">
          {orders.map((o) => (
            <IncomingCard key={o.id} order={o} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

function IncomingCard({ order, now }: { order: Order; now: number }) {
  const lang = useLang();
  const t = counterText[lang].incoming;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const waited = waitedMinutes(order, now);
  const late = now - Date.parse(order.placed_at) >= LOUDER_AFTER_MS;

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : counterText[lang].cart.unreachable);
    } finally {
      setBusy(false);
    }
  };

  const quick = [t.reasons.busy, t.reasons.area, t.reasons.closing, t.reasons.soldOut];
  const what = order.lines.map((l) => `${l.quantity}× ${l.item_name}`).join(', ');

  return (
    <li class={`incoming-card${late ? ' incoming-card--late' : ''}`} data-testid="incoming-order" data-number={order.number}>
      <p class="incoming-card__what">
        <strong>{order.number}</strong> · {sharedText[lang].fulfilment[order.fulfilment.type]} ·{' '}
        {order.contact?.name ?? ''} · {formatEuro(order.total_cents, lang)} ·{' '}
        {formatClock(order.placed_at, lang)} <span class={late ? 'late' : ''}>({t.waiting(waited)})</span>
      </p>
      <p class="incoming-card__lines">{what}</p>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {rejecting ? (
        <form
          class="reject"
          onSubmit={(event) => {
            event.preventDefault();
            const said = reason.trim();
            // The reason chosen here is the customer's answer too: their page shows it.
            if (said) void act(() => setStatus(order.id, 'rejected', { reason: said, customer_message: said }));
          }}
        >
          <div class="chips" role="group" aria-label={t.reason}>
            {quick.map((q) => (
              <button
                key={q}
                type="button"
                class="toggle"
                aria-pressed={reason === q}
                onClick={() => {
                  setReason(q);
                }}
              >
                {q}
              </button>
            ))}
          </div>
          <label>
            {t.otherReason}
            <input
              value={reason}
              maxLength={500}
              data-testid="reject-reason"
              onInput={(event) => {
                setReason(event.currentTarget.value);
              }}
            />
          </label>
          <div class="incoming-card__actions">
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setRejecting(false);
              }}
            >
              {t.cancel}
            </button>
            <button type="submit" class="danger" disabled={busy || !reason.trim()} data-testid="confirm-reject">
              {t.confirmReject}
            </button>
          </div>
        </form>
      ) : (
        <div class="incoming-card__actions">
          {PREP_CHOICES.map((m) => (
            <button
              key={m}
              type="button"
              disabled={busy}
              data-testid={`accept-${m}`}
              onClick={() => void act(() => setStatus(order.id, 'accepted', { prep_time_minutes: m }))}
            >
              {t.accept(m)}
            </button>
          ))}
          <button
            type="button"
            class="secondary"
            disabled={busy}
            data-testid="reject"
            onClick={() => {
              setRejecting(true);
            }}
          >
            {t.reject}
          </button>
        </div>
      )}
    </li>
  );
}
