// A manager's or owner's name and PIN, typed on a cashier's screen to approve what their role may
// not do alone (a discount, a void, cancelling an order the kitchen has). One component for the
// counter and the staff list; the server decides whether it was needed and whether it matches.

import { useText } from '../i18n/preact';
import { sharedText } from './text';

export interface Approval {
  name: string;
  pin: string;
}

export const NO_APPROVAL: Approval = { name: '', pin: '' };

/** The approval to send: `null` when nothing was typed. */
export function approvalBody(approval: Approval): Approval | null {
  const name = approval.name.trim();
  return name || approval.pin ? { name, pin: approval.pin } : null;
}

export function ApprovalFields({ value, onChange }: { value: Approval; onChange: (value: Approval) => void }) {
  const t = useText(sharedText).approval;
  return (
    <fieldset class="approval" data-testid="approval">
      <legend>{t.legend}</legend>
      <label>
        {t.name}
        <input
          value={value.name}
          autocomplete="off"
          data-testid="approval-name"
          onInput={(e) => {
            onChange({ ...value, name: e.currentTarget.value });
          }}
        />
      </label>
      <label>
        {t.pin}
        <input
          type="password"
          inputMode="numeric"
          autocomplete="off"
          value={value.pin}
          data-testid="approval-pin"
          onInput={(e) => {
            onChange({ ...value, pin: e.currentTarget.value });
          }}
        />
      </label>
    </fieldset>
  );
}
