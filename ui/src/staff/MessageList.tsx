import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { orderMessages, resendMessage } from '../api/notify';
import type { Order, OrderMessage } from '../api/types';
import { formatClock } from '../i18n/format';
import { useLang } from '../i18n/preact';
import { messagesText } from '../shared/text';

/** The words for a name the server sends, or the name itself for one the catalogue lacks. */
function wordFor(words: Readonly<Record<string, string>>, name: string): string {
  const word: string | undefined = words[name];
  return word ?? name;
}

/** While open, ask again this often: a message changes state without an order event. */
const POLL_MS = 3_000;

/**
 * Every mail and SMS about one order (`GET /orders/{id}/messages`): waiting, being sent, sent, or
 * failed with the reason, and "send again" for those that are done (`POST /messages/{id}/resend`).
 */
export function MessageList({ order, mayResend }: { order: Order; mayResend: boolean }) {
  const lang = useLang();
  const t = messagesText[lang];
  const [list, setList] = useState<OrderMessage[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = () => {
    orderMessages(order.id).then(setList, () => {
      setProblem(t.unreachable);
    });
  };
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [order.id]);

  const resend = async (message: OrderMessage) => {
    setProblem(null);
    try {
      await resendMessage(message.id);
      load();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : t.unreachable);
    }
  };
  const what = (m: OrderMessage) => wordFor(t.what, m.news ?? m.message);

  return (
    <section class="messages" aria-label={t.heading(order.number)} data-testid={`messages-${order.id}`}>
      <h2 class="messages__heading">{t.heading(order.number)}</h2>
      {list === null && !problem && <p>…</p>}
      {list?.length === 0 && <p>{t.none}</p>}
      {list && list.length > 0 && (
        <ul class="messages__list">
          {list.map((m) => (
            <li key={m.id} class="message" data-testid="message" data-state={m.state}>
              <span class="message__what">
                {wordFor(t.channel, m.channel)} · {what(m)}
              </span>
              <span class="message__to">{m.to}</span>
              <span class={`message__state message__state--${m.state}`}>
                {wordFor(t.state, m.state)} · {formatClock(m.updated_at, lang)}
                {m.attempts > 1 && ` · ${t.attempts(m.attempts)}`}
              </span>
              {m.error && m.state !== 'sent' && <span class="message__error">{m.error}</span>}
              {mayResend && (m.state === 'failed' || m.state === 'sent') && (
                <button
                  type="button"
                  class="secondary"
                  aria-label={t.resendLabel(what(m), m.to)}
                  onClick={() => void resend(m)}
                >
                  {t.resend}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
