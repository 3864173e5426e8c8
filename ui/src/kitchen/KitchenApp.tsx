// The kitchen board (`/kitchen`): the desktop app's kitchen window and every paired kitchen
// screen open it. Tickets in due order, lines done, bump to the server's next status, recall,
// stations and the pass, the all-day strip, a bump bar or keyboard, and a banner nobody can miss
// when the screen is not live.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { fetchStations, markLinesDone, recallOrder } from '../api/kitchen';
import { setStatus } from '../api/status';
import { currentStaff } from '../api/session';
import type { Order, StaffMember, StationsDto } from '../api/types';
import { formatClock } from '../i18n/format';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useLang, useText, useTitle } from '../i18n/preact';
import type { ConnectionState } from '../live/connection-state';
import { useFeed, useLive } from '../live/preact';
import { startStaffFeed, type StaffFeed } from '../live/staff-feed';
import { ConnectionBadge } from '../shared/ConnectionBadge';
import { PrinterAlert } from '../shared/PrinterAlert';
import { roleName } from '../shared/roles';
import { moveAction, statusName } from '../shared/status';
import { LoginForm } from '../staff/LoginForm';
import {
  NO_STATIONS,
  ageMinutes,
  allDay,
  dueAt,
  keyAction,
  lineDone,
  lineVoided,
  linesFor,
  minutesLeft,
  pushBump,
  stationProgress,
  ticketsFor,
  urgency,
  type Bump,
  type StationChoice,
  type StationMap,
} from './board';
import { kitchenText } from './text';

/** Not live for longer than this: the full-width banner. */
export const BANNER_AFTER_MS = 3_000;
const STATION_KEY = 'forno.kitchen.station';
/** How long a message under the bar stays. */
const MESSAGE_MS = 8_000;

type Screen = { kind: 'checking' } | { kind: 'login' } | { kind: 'board'; staff: StaffMember };

export function KitchenApp() {
  const [screen, setScreen] = useState<Screen>({ kind: 'checking' });
  const t = useText(kitchenText);

  useEffect(() => {
    if (screen.kind !== 'checking') return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      currentStaff().then(
        (staff) => {
          if (!cancelled) setScreen(staff ? { kind: 'board', staff } : { kind: 'login' });
        },
        () => {
          if (!cancelled) timer = setTimeout(check, 5_000);
        },
      );
    };
    check();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [screen.kind]);

  if (screen.kind === 'board') {
    return (
      <Kitchen
        staff={screen.staff}
        onSessionEnded={() => {
          setScreen({ kind: 'login' });
        }}
      />
    );
  }
  return (
    <div class="kitchen kitchen--plain">
      <header class="kbar">
        <p class="kbar__title">{t.heading}</p>
        <LanguageSwitch />
      </header>
      {screen.kind === 'checking' ? (
        <p class="knote">{t.loading}</p>
      ) : (
        <main>
          <p class="knote" role="status">
            {t.sessionEnded}
          </p>
          <LoginForm
            onLoggedIn={(staff) => {
              setScreen({ kind: 'board', staff });
            }}
          />
        </main>
      )}
    </div>
  );
}

function Kitchen({ staff, onSessionEnded }: { staff: StaffMember; onSessionEnded: () => void }) {
  const t = useText(kitchenText);
  const state = useFeed({
    start: () => startStaffFeed({ onSessionEnded }),
    isFinal: (error) => error instanceof ApiError && error.status === 401,
  });
  useEffect(() => {
    if (state.kind === 'failed') onSessionEnded();
  }, [state.kind]);
  if (state.kind === 'running') return <Board feed={state.feed} staff={staff} />;
  return (
    <div class="kitchen">
      <p class="knote" role={state.kind === 'retrying' ? 'alert' : 'status'}>
        {state.kind === 'retrying'
          ? state.error instanceof ApiError
            ? t.failed(state.error.message)
            : t.unreachable
          : t.loading}
      </p>
    </div>
  );
}

function readChoice(): StationChoice {
  try {
    const saved = localStorage.getItem(STATION_KEY);
    if (saved === 'expo') return { kind: 'expo' };
    if (saved && saved !== 'all') return { kind: 'station', code: saved };
  } catch {
    // Storage may be off; the whole kitchen is the default.
  }
  return { kind: 'all' };
}

function choiceValue(choice: StationChoice): string {
  return choice.kind === 'station' ? choice.code : choice.kind;
}

function stationMap(dto: StationsDto | null): StationMap {
  if (!dto) return NO_STATIONS;
  const itemStation = new Map<number, string>();
  for (const item of dto.items) if (item.station) itemStation.set(item.item_id, item.station);
  return { stations: dto.stations.map((s) => ({ code: s.code, name: s.name })), itemStation };
}

/** The time, re-read every second (timers on the tickets). */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(new Date());
    }, 1_000);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return now;
}

/** How long the screen has not been live (0 while live). */
function notLiveFor(connection: ConnectionState, now: Date, since: Date | null): number {
  if (connection.kind === 'live' || since === null) return 0;
  return Math.max(0, now.getTime() - since.getTime());
}

function Board({ feed, staff }: { feed: StaffFeed; staff: StaffMember }) {
  const t = useText(kitchenText);
  const lang = useLang();
  const { connection, orders } = useLive(feed);
  const now = useNow();
  const [stationsDto, setStationsDto] = useState<StationsDto | null>(null);
  const [choice, setChoice] = useState<StationChoice>(readChoice);
  const [selected, setSelected] = useState(0);
  const [bumps, setBumps] = useState<Bump[]>([]);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [started, setStarted] = useState(false);
  const audio = useRef<AudioContext | null>(null);
  const seen = useRef<Set<number> | null>(null);
  const [notLiveSince, setNotLiveSince] = useState<Date | null>(null);

  useEffect(() => {
    if (connection.kind === 'live') setNotLiveSince(null);
    else setNotLiveSince((since) => since ?? new Date());
  }, [connection.kind]);

  const loadStations = () => {
    fetchStations().then(setStationsDto, () => {
      // Without the map the screen shows the whole kitchen; it tries again when asked.
    });
  };
  // A new item or category changes which station makes what: the map follows the menu live.
  useEffect(() => {
    loadStations();
    return feed.listen((event) => {
      if (event.type === 'menu.updated') loadStations();
    });
  }, [feed]);
  const map = useMemo(() => stationMap(stationsDto), [stationsDto]);
  // A station that no longer exists falls back to the whole kitchen.
  const effective: StationChoice =
    choice.kind === 'station' && stationsDto && !map.stations.some((s) => s.code === choice.code)
      ? { kind: 'all' }
      : choice;

  const tickets = ticketsFor(orders, effective, map);
  const counts = allDay(tickets, effective, map);
  useTitle(tickets.length > 0 ? t.titleWithCount(tickets.length) : t.title);

  // A sound for each ticket that was not there before (never for the first load).
  useEffect(() => {
    const ids = new Set(tickets.map((o) => o.id));
    const before = seen.current;
    seen.current = ids;
    if (!before) return;
    const fresh = tickets.filter((o) => !before.has(o.id) && o.status === 'placed');
    if (fresh.length > 0 && audio.current) beep(audio.current);
  }, [tickets.map((o) => o.id).join(',')]);

  const say = (text: string, bad = false) => {
    setMessage({ text, bad });
  };
  // The server's words name the order and say what to do.
  const failed = (order: { number: string }, error: unknown) => {
    say(error instanceof ApiError ? error.message : t.unreachableAction(order.number), true);
  };
  // A refusal is about the state it was refused in: once the tickets change, it is stale.
  const state = tickets.map((o) => `${o.id}:${o.status}:${o.done_lines.join('.')}`).join('|');
  useEffect(() => {
    setMessage((current) => (current?.bad ? null : current));
  }, [state]);
  // A message is about a moment: it goes after a while, or with the next good bump.
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => {
      setMessage(null);
    }, MESSAGE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [message]);

  const bump = async (order: Order) => {
    if (effective.kind === 'station') {
      const lines = linesFor(order, effective, map).filter((i) => !lineDone(order, i) && !lineVoided(order, i));
      if (lines.length === 0) return;
      try {
        feed.store.upsert(await markLinesDone(order.id, lines, true));
        setBumps((stack) => pushBump(stack, { kind: 'lines', orderId: order.id, number: order.number, lines }));
        setMessage(null);
      } catch (error) {
        failed(order, error);
      }
      return;
    }
    // The pass bumps to ready too: the server's next step, which the expo rule guards.
    const to = order.next_status;
    if (!to || !staff.may_set_statuses.includes(to)) return;
    try {
      feed.store.upsert(await setStatus(order.id, to));
      setBumps((stack) => pushBump(stack, { kind: 'status', orderId: order.id, number: order.number }));
      setMessage(null);
    } catch (error) {
      failed(order, error);
    }
  };

  const recall = async () => {
    const last = bumps.at(-1);
    if (!last) {
      say(t.nothingToRecall);
      return;
    }
    setBumps((stack) => stack.slice(0, -1));
    try {
      const order =
        last.kind === 'lines'
          ? await markLinesDone(last.orderId, last.lines, false)
          : await recallOrder(last.orderId);
      feed.store.upsert(order);
      say(t.recalled(last.number));
    } catch (error) {
      failed(last, error);
    }
  };

  const toggleLine = async (order: Order, index: number) => {
    try {
      feed.store.upsert(await markLinesDone(order.id, [index], !lineDone(order, index)));
    } catch (error) {
      failed(order, error);
    }
  };

  // The bump bar types like a keyboard: 1–9, arrows, Enter, 0/R.
  const latest = useRef({ tickets, selected, bump, recall });
  latest.current = { tickets, selected, bump, recall };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      const action = keyAction(event.key);
      if (!action) return;
      const { tickets: shown, selected: at } = latest.current;
      event.preventDefault();
      switch (action.kind) {
        case 'bump': {
          const order = shown[action.position];
          if (order) void latest.current.bump(order);
          break;
        }
        case 'bumpSelected': {
          const order = shown[at];
          if (order) void latest.current.bump(order);
          break;
        }
        case 'select':
          setSelected(Math.max(0, Math.min(shown.length - 1, at + action.step)));
          break;
        case 'recall':
          void latest.current.recall();
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  useEffect(() => {
    if (selected > tickets.length - 1) setSelected(Math.max(0, tickets.length - 1));
  }, [tickets.length]);

  const choose = (value: string) => {
    const next: StationChoice =
      value === 'all' || value === 'expo' ? { kind: value } : { kind: 'station', code: value };
    setChoice(next);
    setSelected(0);
    try {
      localStorage.setItem(STATION_KEY, value);
    } catch {
      // Not remembered; still chosen.
    }
  };

  const start = () => {
    try {
      audio.current = new AudioContext();
      void audio.current.resume();
    } catch {
      // No sound on this device; the board still works.
    }
    setStarted(true);
    document.documentElement.requestFullscreen().catch(() => {
      // Fullscreen is a nicety; a browser may refuse it.
    });
  };

  const offlineMs = notLiveFor(connection, now, notLiveSince);
  const showBanner = offlineMs > BANNER_AFTER_MS;

  return (
    <div class="kitchen">
      {showBanner && (
        <div class="kbanner" role="alert" data-testid="offline-banner">
          {connection.kind === 'polling' ? t.banner.polling : t.banner.offline(Math.floor(offlineMs / 1000))}
        </div>
      )}
      <header class="kbar">
        <p class="kbar__title">{t.heading}</p>
        <p class="kbar__who" data-testid="kitchen-who">
          {staff.name} ({roleName(staff.role, lang)})
        </p>
        <label class="kbar__station">
          <span>{t.station.label}</span>
          <select
            value={choiceValue(effective)}
            onFocus={loadStations}
            onChange={(e) => {
              choose((e.target as HTMLSelectElement).value);
            }}
            data-testid="station-picker"
          >
            <option value="all">{t.station.all}</option>
            {map.stations.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
            {map.stations.length > 0 && <option value="expo">{t.station.expo}</option>}
          </select>
        </label>
        <button
          type="button"
          class="kbar__recall"
          disabled={bumps.length === 0}
          onClick={() => void recall()}
          data-testid="recall"
        >
          {t.recall(bumps.length)}
        </button>
        {started && (
          <p class="kbar__sound" data-testid="sound-on">
            ♪ {t.start.soundOn}
          </p>
        )}
        <ConnectionBadge state={connection} />
        <LanguageSwitch />
      </header>
      <PrinterAlert feed={feed} />
      <section class="kallday" aria-label={t.allDay} data-testid="all-day">
        <h2 class="kallday__title">{t.allDay}</h2>
        {counts.length === 0 ? (
          <p class="kallday__empty">{t.allDayEmpty}</p>
        ) : (
          <ul class="kallday__list">
            {counts.map((c) => (
              <li key={c.dish} data-dish={c.dish} data-count={c.count}>
                <strong>{c.count}×</strong> {c.dish}
              </li>
            ))}
          </ul>
        )}
      </section>
      {message && (
        <p class={message.bad ? 'kmsg kmsg--bad' : 'kmsg'} role={message.bad ? 'alert' : 'status'} data-testid="kitchen-message">
          {message.text}
        </p>
      )}
      <main class="ktickets" data-testid="tickets">
        {tickets.length === 0 && <p class="knote">{t.empty}</p>}
        {tickets.map((order, position) => (
          <Ticket
            key={order.id}
            order={order}
            position={position}
            selected={position === selected}
            choice={effective}
            map={map}
            now={now}
            staff={staff}
            onBump={() => void bump(order)}
            onLine={(i) => void toggleLine(order, i)}
          />
        ))}
      </main>
      <p class="kkeys">{t.keys}</p>
      {!started && (
        <div class="kstart" role="dialog" aria-modal="true" aria-labelledby="kstart-title">
          <div class="kstart__box">
            <h1 id="kstart-title">{t.start.title}</h1>
            <p>{t.start.explain}</p>
            <button type="button" class="kstart__button" onClick={start} autoFocus>
              {t.start.button}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function beep(context: AudioContext) {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.frequency.value = 880;
  gain.gain.setValueAtTime(0.25, context.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.6);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start();
  oscillator.stop(context.currentTime + 0.6);
}

function Ticket({
  order,
  position,
  selected,
  choice,
  map,
  now,
  staff,
  onBump,
  onLine,
}: {
  order: Order;
  position: number;
  selected: boolean;
  choice: StationChoice;
  map: StationMap;
  now: Date;
  staff: StaffMember;
  onBump: () => void;
  onLine: (index: number) => void;
}) {
  const t = useText(kitchenText);
  const lang = useLang();
  const level = urgency(order, now);
  const left = minutesLeft(order, now);
  const fulfilment = typeof order.fulfilment === 'string' ? order.fulfilment : order.fulfilment.type;
  const lines = linesFor(order, choice, map);
  const progress = choice.kind === 'expo' ? stationProgress(order, map) : [];
  const passReady = choice.kind === 'expo' && progress.every((p) => p.done);
  let action: string | null;
  if (choice.kind === 'station') action = t.bumpStation;
  else {
    const to = order.next_status;
    action = to && staff.may_set_statuses.includes(to) ? moveAction(to, fulfilment, lang) : null;
  }
  return (
    <article
      class={`ticket ticket--${level}${selected ? ' ticket--selected' : ''}${passReady ? ' ticket--pass' : ''}`}
      data-testid="ticket"
      data-number={order.number}
      data-status={order.status}
      aria-label={`${order.number} · ${t.position(position + 1)}`}
    >
      <header class="ticket__head">
        <span class="ticket__key" aria-hidden="true">
          {position + 1}
        </span>
        <h2 class="ticket__number">{order.number}</h2>
        <span class="ticket__kind">{fulfilment === 'delivery' ? t.delivery : t.pickup}</span>
      </header>
      <p class="ticket__due">
        <span>{t.due(formatClock(dueAt(order), lang))}</span>
        <span class="ticket__timer" data-testid="ticket-timer" data-urgency={level}>
          {left >= 0 ? t.left(left) : t.late(-left)} · {t.urgency[level]}
        </span>
      </p>
      <p class="ticket__meta">
        {statusName(order.status, lang)} · {t.age(ageMinutes(order, now))}
      </p>
      {progress.length > 0 && (
        <ul class="ticket__stations" aria-label={t.stations}>
          {progress.map((p) => (
            <li key={p.code} class={p.done ? 'station station--done' : 'station'} data-station={p.code} data-done={String(p.done)}>
              {p.done ? `✓ ${t.stationDone(p.name)}` : `… ${t.stationBusy(p.name)}`}
            </li>
          ))}
          {passReady && <li class="station station--pass">{t.readyForPass}</li>}
        </ul>
      )}
      <ul class="ticket__lines">
        {lines.map((i) => {
          const line = order.lines[i];
          if (!line) return null;
          const done = lineDone(order, i);
          const voided = lineVoided(order, i);
          return (
            <li
              key={i}
              class={voided ? 'tline tline--voided' : done ? 'tline tline--done' : 'tline'}
              data-testid="ticket-line"
              data-done={String(done)}
              data-voided={String(voided)}
            >
              <button
                type="button"
                class="tline__button"
                aria-pressed={done}
                disabled={voided}
                onClick={() => {
                  onLine(i);
                }}
              >
                <span class="tline__qty">{line.quantity}×</span>
                <span class="tline__body">
                  {line.second_half ? (
                    <>
                      <span class="tline__name">
                        ½ {line.item_name} {line.size !== 'regular' && line.size_name}
                      </span>
                      {line.extras.map((x) => (
                        <span key={x} class="tline__extra">+ {x}</span>
                      ))}
                      {line.removed_ingredients.map((x) => (
                        <span key={x} class="tline__removed">− {x}</span>
                      ))}
                      <span class="tline__name">½ {line.second_half.item_name}</span>
                      {line.second_half.extras.map((x) => (
                        <span key={x} class="tline__extra">+ {x}</span>
                      ))}
                      {line.second_half.removed_ingredients.map((x) => (
                        <span key={x} class="tline__removed">− {x}</span>
                      ))}
                    </>
                  ) : (
                    <>
                      <span class="tline__name">
                        {line.item_name} {line.size !== 'regular' && line.size_name}
                      </span>
                      {line.extras.map((x) => (
                        <span key={x} class="tline__extra">+ {x}</span>
                      ))}
                      {line.removed_ingredients.map((x) => (
                        <span key={x} class="tline__removed">− {x}</span>
                      ))}
                    </>
                  )}
                  {line.note && (
                    <span class="tline__note">
                      {t.note}: {line.note}
                    </span>
                  )}
                </span>
                {voided ? (
                  <span class="tline__voided">✕ {t.voided}</span>
                ) : (
                  done && <span class="tline__done">✓ {t.done}</span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {order.note && (
        <p class="ticket__note">
          {t.orderNote}: {order.note}
        </p>
      )}
      {action ? (
        <button type="button" class="ticket__bump" onClick={onBump} data-testid="bump">
          {action}
        </button>
      ) : (
        <p class="ticket__waits">{t.waitsForCounter}</p>
      )}
    </article>
  );
}
