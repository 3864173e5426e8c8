// A discount at the counter: a percentage or an amount, on the whole order or one line, with a
// reason. A cashier's role may not give one alone: the manager or owner types their name and PIN
// here. The server prices it and answers with the order's new total.

import { useState } from 'preact/hooks';
import { giveDiscount } from '../api/counter';
import { ApiError } from '../api/http';
import { mayDo } from '../api/session';
import type { Order, StaffMember } from '../api/types';
import { useLang } from '../i18n/preact';
import { parseEuro } from './cash';
import { counterText } from './text';

export function DiscountForm({
  order,
  staff,
  onGiven,
  onClose,
}: {
  order: Order;
  staff: StaffMember;
  onGiven: (order: Order) => void;
  onClose: () => void;
}) {
  const lang = useLang();
  const t = counterText[lang].discount;
  const [kind, setKind] = useState<'percent' | 'amount'>('percent');
  const [value, setValue] = useState('');
  const [line, setLine] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsApproval = !mayDo(staff, 'give_discounts');

  const amount = kind === 'percent' ? (/^\d{1,3}$/.test(value.trim()) ? Number(value) : null) : parseEuro(value);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (amount === null || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      onGiven(
        await giveDiscount(order.id, {
          kind,
          value: amount,
          line,
          reason,
          approval: approver.trim() || pin ? { name: approver.trim(), pin } : null,
        }),
      );
    } catch (error) {
      setProblem(
        error instanceof ApiError
          ? error.status === 403
            ? t.needsManager
            : error.message
          : counterText[lang].cart.unreachable,
      );
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="discount" onSubmit={(event) => void submit(event)} aria-labelledby="discount-heading" data-testid="discount-form">
      <h3 id="discount-heading">{t.heading}</h3>
      <div class="chips" role="group" aria-label={t.kind}>
        <button type="button" class="toggle" aria-pressed={kind === 'percent'} onClick={() => { setKind('percent'); }}>
          {t.percent}
        </button>
        <button type="button" class="toggle" aria-pressed={kind === 'amount'} onClick={() => { setKind('amount'); }}>
          {t.amount}
        </button>
      </div>
      <div class="chips" role="group" aria-label={t.on}>
        <button type="button" class="toggle" aria-pressed={line === null} onClick={() => { setLine(null); }}>
          {t.wholeOrder}
        </button>
        {order.lines.map((l, i) => (
          <button key={i} type="button" class="toggle" aria-pressed={line === i} onClick={() => { setLine(i); }}>
            {l.quantity}× {l.item_name}
          </button>
        ))}
      </div>
      <div class="discount__fields">
        <label>
          {kind === 'percent' ? t.percentValue : t.amountValue}
          <input inputMode="decimal" value={value} data-testid="discount-value" onInput={(e) => { setValue(e.currentTarget.value); }} />
        </label>
        <label>
          {t.reason}
          <input value={reason} maxLength={200} data-testid="discount-reason" onInput={(e) => { setReason(e.currentTarget.value); }} />
        </label>
      </div>
      {needsApproval && (
        <fieldset class="discount__approval">
          <legend>{t.approval}</legend>
          <label>
            {t.managerName}
            <input value={approver} autocomplete="off" data-testid="approval-name" onInput={(e) => { setApprover(e.currentTarget.value); }} />
          </label>
          <label>
            {t.managerPin}
            <input type="password" inputMode="numeric" autocomplete="off" value={pin} data-testid="approval-pin" onInput={(e) => { setPin(e.currentTarget.value); }} />
          </label>
        </fieldset>
      )}
      {problem && (
        <p class="alert" role="alert" data-testid="discount-problem">
          {problem}
        </p>
      )}
      <div class="dialog__actions">
        <button type="button" class="secondary" onClick={onClose}>
          {t.cancel}
        </button>
        <button type="submit" disabled={busy || amount === null || !reason.trim()} data-testid="discount-give">
          {t.give}
        </button>
      </div>
    </form>
  );
}
