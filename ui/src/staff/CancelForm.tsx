// Cancelling an order from the staff list: a reason (to the audit log), and once the kitchen has
// the order, a manager's or owner's name and PIN when the cashier's role may not void alone. The
// server decides; a 403 shows the PIN fields, like the counter does for discounts and voids.

import { useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { mayDo } from '../api/session';
import { setStatus } from '../api/status';
import type { Order, StaffMember } from '../api/types';
import { useLang } from '../i18n/preact';
import { ApprovalFields, approvalBody, NO_APPROVAL } from '../shared/ApprovalFields';
import { moveProblem } from './moves';
import { staffText } from './text';

export function CancelForm({
  order,
  staff,
  onCancelled,
  onClose,
}: {
  order: Order;
  staff: StaffMember;
  onCancelled: (order: Order) => void;
  onClose: () => void;
}) {
  const lang = useLang();
  const t = staffText[lang].cancel;
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState(NO_APPROVAL);
  // Whether the kitchen has it decides whether a PIN is needed: the server's rule, so the fields
  // come when it answers 403 (a role that may void never sees them).
  const [askApproval, setAskApproval] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      onCancelled(await setStatus(order.id, 'cancelled', { reason, approval: approvalBody(approval) }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 403 && !mayDo(staff, 'void_sent_orders')) {
        setAskApproval(true);
        setProblem(t.needsManager);
      } else {
        setProblem(moveProblem(order, 'cancelled', error, lang));
      }
      setApproval((a) => ({ ...a, pin: '' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="cancel-form" onSubmit={(event) => void submit(event)} aria-labelledby="cancel-heading" data-testid="cancel-form">
      <h2 id="cancel-heading">{t.heading(order.number)}</h2>
      <label>
        {t.reason}
        <input
          value={reason}
          maxLength={200}
          data-testid="cancel-reason"
          onInput={(e) => {
            setReason(e.currentTarget.value);
          }}
        />
      </label>
      {askApproval && <ApprovalFields value={approval} onChange={setApproval} />}
      {problem && (
        <p class="alert" role="alert" data-testid="cancel-problem">
          {problem}
        </p>
      )}
      <div class="cancel-form__actions">
        <button type="button" class="secondary" onClick={onClose}>
          {t.back}
        </button>
        <button type="submit" disabled={busy || !reason.trim()} data-testid="cancel-confirm">
          {t.confirm}
        </button>
      </div>
    </form>
  );
}
