// Paying an order: cash with a quick keypad (exact, €10, €20, €50, typed) and the change large,
// card confirmed by hand, or several payments until the total is covered. Every amount and the
// change are the server's answer; a paid order goes to the kitchen.

import { useEffect, useRef, useState } from 'preact/hooks';
import { giveDiscount, openDrawer, pay, type RecordedPayment } from '../api/counter';
import { setStatus } from '../api/status';
import { ApiError } from '../api/http';
import type { Order, StaffMember } from '../api/types';
import { formatEuro } from '../i18n/format';
import { useLang } from '../i18n/preact';
import { notesFor, parseEuro } from './cash';
import { DiscountForm } from './Discount';
import { counterText } from './text';

export function PayDialog({
  order: placed,
  staff,
  onPaid,
  onDone,
}: {
  order: Order;
  staff: StaffMember;
  onPaid: (order: Order) => void;
  onDone: () => void;
}) {
  const lang = useLang();
  const t = counterText[lang].pay;
  const [order, setOrder] = useState(placed);
  const [last, setLast] = useState<RecordedPayment['payment'] | null>(null);
  const [amountText, setAmountText] = useState('');
  const [tenderedText, setTenderedText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [discounting, setDiscounting] = useState(false);
  const exactRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);

  const open = order.open_cents;
  const paid = order.payment_state === 'paid';
  /** What this payment covers: the typed part (a split), or everything still open. */
  const typedAmount = amountText.trim() ? parseEuro(amountText) : open;
  const amount = typedAmount ?? 0;

  useEffect(() => {
    (paid ? doneRef : exactRef).current?.focus();
  }, [paid]);

  const book = async (method: 'cash' | 'card', tendered?: number) => {
    if (busy || amount <= 0) return;
    setBusy(true);
    setProblem(null);
    try {
      const answer = await pay(order.id, {
        method,
        amount_cents: amount,
        tendered_cents: tendered ?? null,
      });
      let next = answer.order;
      if (next.payment_state === 'paid' && next.status === 'placed') {
        next = await setStatus(next.id, 'accepted');
        onPaid(next);
      }
      setOrder(next);
      setLast(answer.payment);
      setAmountText('');
      setTenderedText('');
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : counterText[lang].cart.unreachable);
    } finally {
      setBusy(false);
    }
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && paid) {
      event.preventDefault();
      onDone();
    }
  };

  const typedTendered = parseEuro(tenderedText);

  return (
    <div class="overlay" onKeyDown={onKey}>
      <div class="dialog pay" role="dialog" aria-modal="true" aria-labelledby="pay-heading" data-testid="pay-dialog">
        <h2 id="pay-heading">{t.heading(order.number)}</h2>
        <dl class="pay__sums">
          <dt>{t.total}</dt>
          <dd class="money" data-testid="pay-total">
            {formatEuro(order.total_cents, lang)}
          </dd>
          {!paid && (
            <>
              <dt>{t.open}</dt>
              <dd class="money pay__open" data-testid="pay-open">
                {formatEuro(open, lang)}
              </dd>
            </>
          )}
        </dl>
        {last?.change_cents != null && last.method === 'cash' && (
          <p class="pay__change" role="status" data-testid="change">
            {t.change}: <strong class="money">{formatEuro(last.change_cents, lang)}</strong>
          </p>
        )}
        {order.discounts.length > 0 && (
          <ul class="pay__payments" data-testid="discounts">
            {order.discounts.map((d) => (
              <li key={d.id}>
                {counterText[lang].discount.given(formatEuro(d.amount_cents, lang))} ({d.reason})
              </li>
            ))}
          </ul>
        )}
        {order.payments.length > 0 && (
          <ul class="pay__payments" data-testid="payments">
            {order.payments.map((p) => (
              <li key={p.id}>
                {t.payment(p.method === 'cash' ? t.cash : t.card, formatEuro(p.amount_cents, lang))}
              </li>
            ))}
          </ul>
        )}
        {problem && (
          <p class="alert" role="alert">
            {problem}
          </p>
        )}
        {paid ? (
          <>
            <p class="pay__paid" role="status" data-testid="paid">
              ✓ {t.paid}
            </p>
            <div class="dialog__actions">
              <DrawerButton />
              <button type="button" ref={doneRef} class="pay-button" onClick={onDone} data-testid="pay-done">
                {t.done}
              </button>
            </div>
          </>
        ) : discounting ? (
          <DiscountForm
            lines={order.lines.map((l) => `${l.quantity}× ${l.item_name}`)}
            staff={staff}
            give={async (body) => {
              setOrder(await giveDiscount(order.id, body));
              setDiscounting(false);
            }}
            onClose={() => {
              setDiscounting(false);
            }}
          />
        ) : (
          <>
            {order.payments.length > 0 && <p class="notice">{t.partly(formatEuro(open, lang))}</p>}
            <label class="pay__amount">
              {t.amountNow}
              <input
                inputMode="decimal"
                placeholder={formatEuro(open, lang)}
                value={amountText}
                data-testid="pay-amount"
                onInput={(event) => {
                  setAmountText(event.currentTarget.value);
                }}
              />
            </label>
            <div class="pay__methods">
              <section aria-labelledby="cash-heading" class="pay__cash">
                <h3 id="cash-heading">{t.cash}</h3>
                <div class="cash-keys">
                  <button
                    type="button"
                    ref={exactRef}
                    disabled={busy || amount <= 0}
                    onClick={() => void book('cash')}
                    data-testid="cash-exact"
                  >
                    {t.exact}
                  </button>
                  {notesFor(amount).map((note) => (
                    <button
                      key={note}
                      type="button"
                      disabled={busy || amount <= 0}
                      onClick={() => void book('cash', note)}
                      data-testid={`cash-${note / 100}`}
                    >
                      {formatEuro(note, lang)}
                    </button>
                  ))}
                </div>
                <form
                  class="cash-typed"
                  onSubmit={(event) => {
                    event.preventDefault();
                    if (typedTendered !== null) void book('cash', typedTendered);
                  }}
                >
                  <label>
                    {t.tendered}
                    <input
                      inputMode="decimal"
                      value={tenderedText}
                      data-testid="cash-tendered"
                      onInput={(event) => {
                        setTenderedText(event.currentTarget.value);
                      }}
                    />
                  </label>
                  <button type="submit" class="secondary" disabled={busy || typedTendered === null}>
                    {t.take}
                  </button>
                </form>
              </section>
              <section aria-labelledby="card-heading" class="pay__card">
                <h3 id="card-heading">{t.card}</h3>
                <button
                  type="button"
                  disabled={busy || amount <= 0}
                  onClick={() => void book('card')}
                  data-testid="card-paid"
                >
                  {t.cardPaid}
                </button>
              </section>
            </div>
            <div class="dialog__actions">
              <DrawerButton />
              <button
                type="button"
                class="secondary"
                data-testid="discount"
                onClick={() => {
                  setDiscounting(true);
                }}
              >
                {counterText[lang].discount.button}
              </button>
              <button type="button" class="secondary" onClick={onDone}>
                {t.close}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

/**
 * Opens the cash drawer through the printer it hangs on. The server says whether that worked
 * (a kick was queued) or why not (no printer set up): the button never pretends.
 */
function DrawerButton() {
  const t = counterText[useLang()].pay;
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);
  const open = async () => {
    try {
      await openDrawer();
      setNote({ text: t.drawerOpening, bad: false });
    } catch (error) {
      setNote({ text: error instanceof ApiError ? error.message : t.drawerUnreachable, bad: true });
    }
  };
  return (
    <>
      <button type="button" class="secondary" onClick={() => void open()} data-testid="drawer">
        {t.drawer}
      </button>
      {note && (
        <p class={note.bad ? 'notice notice--bad' : 'notice'} role="status" data-testid="drawer-note">
          {note.text}
        </p>
      )}
    </>
  );
}
