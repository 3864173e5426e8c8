// A discount at the counter: a percentage or an amount, on the whole order or one line, with a
// reason. A cashier's role may not give one alone: the manager or owner types their name and PIN
// here. The server prices it: on a placed order it answers with the new total (`giveDiscount`);
// on the cart the quote prices it and the order carries it when placed.

import { useState } from 'preact/hooks';
import type { DiscountBody } from '../api/counter';
import { ApiError } from '../api/http';
import { mayDo } from '../api/session';
import type { StaffMember } from '../api/types';
import { useLang } from '../i18n/preact';
import { ApprovalFields, approvalBody, NO_APPROVAL } from '../shared/ApprovalFields';
import { parseEuro } from './cash';
import { counterText } from './text';

export function DiscountForm({
  lines,
  staff,
  give,
  onClose,
}: {
  /** What each line is called, in the order's (or cart's) order. */
  lines: readonly string[];
  staff: StaffMember;
  /** Gives the discount; a rejection (an ApiError) is shown in the form. */
  give: (body: DiscountBody) => Promise<void>;
  onClose: () => void;
}) {
  const lang = useLang();
  const t = counterText[lang].discount;
  const [kind, setKind] = useState<'percent' | 'amount'>('percent');
  const [value, setValue] = useState('');
  const [line, setLine] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState(NO_APPROVAL);
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
      await give({ kind, value: amount, line, reason, approval: approvalBody(approval) });
    } catch (error) {
      setProblem(
        error instanceof ApiError
          ? error.status === 403
            ? t.needsManager
            : error.message
          : counterText[lang].cart.unreachable,
      );
      setApproval((a) => ({ ...a, pin: '' }));
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
        {lines.map((label, i) => (
          <button key={i} type="button" class="toggle" aria-pressed={line === i} onClick={() => { setLine(i); }}>
            {label}
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
      {needsApproval && <ApprovalFields value={approval} onChange={setApproval} />}
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
