// The counter's open orders and one order's view: its lines (a voided line struck through, with
// who and why), the server's totals, what is still open or owed back, and the actions on it: pay
// what is open, or void a line with a reason (and a manager's PIN when the cashier's role may not
// void alone once the kitchen has it; the server says so with a 403).

import { useState } from 'preact/hooks';
import { voidLine } from '../api/counter';
import { ApiError } from '../api/http';
import { mayDo } from '../api/session';
import type { Order, StaffMember } from '../api/types';
import { formatClock, formatEuro } from '../i18n/format';
import { useLang } from '../i18n/preact';
import { ApprovalFields, approvalBody, NO_APPROVAL } from '../shared/ApprovalFields';
import { statusName } from '../shared/status';
import { counterText } from './text';

/** The open orders, newest first; choosing one opens its view. */
export function OpenOrders({
  orders,
  onOpen,
  onClose,
}: {
  orders: Order[];
  onOpen: (order: Order) => void;
  onClose: () => void;
}) {
  const lang = useLang();
  const t = counterText[lang].orders;
  const shown = [...orders].sort((a, b) => b.placed_at.localeCompare(a.placed_at));
  return (
    <div class="overlay">
      <div class="dialog orders" role="dialog" aria-modal="true" aria-labelledby="orders-heading" data-testid="open-orders">
        <h2 id="orders-heading">{t.heading}</h2>
        {shown.length === 0 ? (
          <p class="cart__empty">{t.none}</p>
        ) : (
          <ul class="orders__list">
            {shown.map((o) => (
              <li key={o.id}>
                <button
                  type="button"
                  class="orders__open secondary"
                  data-testid={`open-order-${o.number.replace(/^#/, '')}`}
                  onClick={() => {
                    onOpen(o);
                  }}
                >
                  <strong>{o.number}</strong>
                  <span>{formatClock(o.placed_at, lang)}</span>
                  <span>{statusName(o.status, lang)}</span>
                  <span class="money">{formatEuro(o.total_cents, lang)}</span>
                  <span>{t.payment[o.payment_state]}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="dialog__actions">
          <button type="button" class="secondary" onClick={onClose}>
            {t.close}
          </button>
        </div>
      </div>
    </div>
  );
}

export function OrderView({
  order,
  staff,
  onChanged,
  onPay,
  onClose,
}: {
  order: Order;
  staff: StaffMember;
  onChanged: (order: Order) => void;
  onPay: (order: Order) => void;
  onClose: () => void;
}) {
  const lang = useLang();
  const t = counterText[lang].orders;
  const [voiding, setVoiding] = useState<number | null>(null);
  const voidOf = (i: number) => order.voids.find((v) => v.line === i);
  return (
    <div class="overlay">
      <div class="dialog order-view" role="dialog" aria-modal="true" aria-labelledby="order-view-heading" data-testid="order-view">
        <h2 id="order-view-heading">
          {t.orderHeading(order.number)} · {statusName(order.status, lang)}
        </h2>
        <ol class="order-view__lines">
          {order.lines.map((line, i) => {
            const voided = voidOf(i);
            return (
              <li
                key={i}
                class={voided ? 'order-view__line order-view__line--voided' : 'order-view__line'}
                data-testid="order-line"
                data-voided={String(Boolean(voided))}
              >
                <span class="order-view__what">
                  {voided ? <s>{line.description}</s> : line.description}
                  {voided && (
                    <span class="order-view__void-note">
                      {t.voided(voided.reason, voided.staff_name ?? '—', voided.approved_by ?? '—')}
                    </span>
                  )}
                </span>
                <span class="money">{voided ? <s>{formatEuro(line.total_cents, lang)}</s> : formatEuro(line.total_cents, lang)}</span>
                {!voided && voiding !== i && (
                  <button
                    type="button"
                    class="secondary"
                    aria-label={t.voidLineLabel(line.description)}
                    data-testid={`void-line-${i}`}
                    onClick={() => {
                      setVoiding(i);
                    }}
                  >
                    {t.voidLine}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        {voiding !== null && order.lines[voiding] && (
          <VoidForm
            order={order}
            line={voiding}
            staff={staff}
            onVoided={(next) => {
              setVoiding(null);
              onChanged(next);
            }}
            onClose={() => {
              setVoiding(null);
            }}
          />
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
        <dl class="pay__sums">
          <dt>{counterText[lang].pay.total}</dt>
          <dd class="money" data-testid="order-total">
            {formatEuro(order.total_cents, lang)}
          </dd>
          <dt>{counterText[lang].pay.open}</dt>
          <dd class="money" data-testid="order-open">
            {formatEuro(order.open_cents, lang)}
          </dd>
        </dl>
        {order.owed_back_cents > 0 && (
          <p class="alert" role="alert" data-testid="owed-back">
            {t.owedBack(formatEuro(order.owed_back_cents, lang))}
          </p>
        )}
        <div class="dialog__actions">
          {order.open_cents > 0 && !['cancelled', 'rejected'].includes(order.status) && (
            <button
              type="button"
              class="pay-button"
              data-testid="order-pay"
              onClick={() => {
                onPay(order);
              }}
            >
              {counterText[lang].cart.pay}
            </button>
          )}
          <button type="button" class="secondary" onClick={onClose} data-testid="order-view-close">
            {t.close}
          </button>
        </div>
      </div>
    </div>
  );
}

function VoidForm({
  order,
  line,
  staff,
  onVoided,
  onClose,
}: {
  order: Order;
  line: number;
  staff: StaffMember;
  onVoided: (order: Order) => void;
  onClose: () => void;
}) {
  const lang = useLang();
  const t = counterText[lang].orders;
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState(NO_APPROVAL);
  // Offered up front to a role that may not void a sent order alone (the server ignores it when
  // the kitchen does not have the order yet); a 403 from the server shows it too.
  const [askApproval, setAskApproval] = useState(!mayDo(staff, 'void_sent_orders'));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const description = order.lines[line]?.description ?? '';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      onVoided(await voidLine(order.id, { line, reason, approval: approvalBody(approval) }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) {
        setAskApproval(true);
        setProblem(t.needsManager);
      } else {
        setProblem(error instanceof ApiError ? error.message : counterText[lang].cart.unreachable);
      }
      setApproval((a) => ({ ...a, pin: '' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="discount" onSubmit={(event) => void submit(event)} aria-labelledby="void-heading" data-testid="void-form">
      <h3 id="void-heading">{t.voidHeading(description)}</h3>
      <div class="discount__fields">
        <label>
          {t.reason}
          <input
            value={reason}
            maxLength={200}
            data-testid="void-reason"
            onInput={(e) => {
              setReason(e.currentTarget.value);
            }}
          />
        </label>
      </div>
      {askApproval && <ApprovalFields value={approval} onChange={setApproval} />}
      {problem && (
        <p class="alert" role="alert" data-testid="void-problem">
          {problem}
        </p>
      )}
      <div class="dialog__actions">
        <button type="button" class="secondary" onClick={onClose}>
          {counterText[lang].discount.cancel}
        </button>
        <button type="submit" disabled={busy || !reason.trim()} data-testid="void-give">
          {t.voidLine}
        </button>
      </div>
    </form>
  );
}
