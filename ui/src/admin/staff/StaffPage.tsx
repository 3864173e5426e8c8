// The staff page (`/admin?view=staff`): everyone's account with its role and state; the owner
// adds people, edits them and stops or reactivates an account; the owner (anyone's) and a manager
// (cashiers and the kitchen) reset PINs; everyone changes their own PIN. Which of those a role
// may do is offered from `/auth/me`'s permissions; whose PIN a manager may reset, the PIN rules
// and "the shop keeps an owner" are the server's, whose refusal is shown at the field it names.

import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { ApiError } from '../../api/http';
import { addStaff, changeOwnPin, changeStaff, listStaff, resetPin } from '../../api/staff';
import type { PersonRole, StaffAccount, StaffMember } from '../../api/types';
import { formatClock } from '../../i18n/format';
import { useLang, useText } from '../../i18n/preact';
import { roleName } from '../../shared/roles';
import { staffText } from './text';

/** The roles a person can have, as the server lists them (`StaffRole`). */
const PERSON_ROLES = Object.keys({ owner: 1, manager: 1, cashier: 1, kitchen: 1 } satisfies Record<PersonRole, 1>) as PersonRole[];

/** A refusal: its words, and the field the server named (if any). */
interface Problem {
  field: string | null;
  text: string;
}

function problemOf(error: unknown, unreachable: string): Problem {
  return error instanceof ApiError ? { field: error.field, text: error.message } : { field: null, text: unreachable };
}

/** An input with its label and, when the server named it, the server's words under it. */
function Field(props: {
  id: string;
  label: string;
  field: string;
  problem: Problem | null;
  children: (attrs: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => JSX.Element;
}) {
  const wrong = props.problem?.field === props.field;
  const errorId = `${props.id}-error`;
  return (
    <div class="staff-field">
      <label for={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        ...(wrong ? { 'aria-invalid': 'true' as const, 'aria-describedby': errorId } : {}),
      })}
      {wrong && (
        <p id={errorId} class="staff-field__error" data-testid={`error-${props.field}`}>
          {props.problem?.text}
        </p>
      )}
    </div>
  );
}

/** The refusal that belongs to no input shown: said above the buttons. */
function GeneralProblem({ problem, fields }: { problem: Problem | null; fields: string[] }) {
  if (!problem || (problem.field !== null && fields.includes(problem.field))) return null;
  return (
    <p class="alert" role="alert" data-testid="problem">
      {problem.text}
    </p>
  );
}

type Dialog =
  | { kind: 'edit'; account: StaffAccount }
  | { kind: 'reset'; account: StaffAccount }
  | { kind: 'stop'; account: StaffAccount };

export function StaffPage({ staff }: { staff: StaffMember }) {
  const t = useText(staffText);
  const lang = useLang();
  const [accounts, setAccounts] = useState<StaffAccount[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const mayManage = staff.permissions.includes('manage_staff');
  const mayReset = staff.permissions.includes('reset_pins');
  const mayView = staff.permissions.includes('view_staff');

  const reload = () =>
    listStaff().then(
      (list) => {
        setAccounts(list);
        setLoadProblem(null);
      },
      (error: unknown) => {
        setLoadProblem(problemOf(error, t.unreachable).text);
      },
    );
  useEffect(() => {
    if (mayView) void reload();
  }, [mayView]);

  const done = (text: string) => {
    setDialog(null);
    setNote(text);
    void reload();
  };

  return (
    <main class="admin-list staff-page">
      <h1>{t.heading}</h1>
      {note && (
        <p class="admin-note" role="status" data-testid="staff-note">
          {note}
        </p>
      )}
      {loadProblem && (
        <p class="alert" role="alert">
          {loadProblem}
        </p>
      )}
      {mayView && accounts === null && !loadProblem && <p>{t.loading}</p>}
      {accounts && (
        <table class="admin-table staff-table">
          <thead>
            <tr>
              <th scope="col">{t.columns.name}</th>
              <th scope="col">{t.columns.role}</th>
              <th scope="col">{t.columns.state}</th>
              {(mayManage || mayReset) && <th scope="col">{t.columns.actions}</th>}
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} data-testid="staff-row" data-name={a.name} class={a.active ? undefined : 'staff-row--stopped'}>
                <td>
                  {a.name} {a.id === staff.id && <span class="staff-you">{t.you}</span>}
                </td>
                <td>{roleName(a.role, lang)}</td>
                <td data-testid="staff-state">
                  {!a.active ? t.stopped : a.locked_until ? t.lockedUntil(formatClock(a.locked_until, lang)) : t.active}
                </td>
                {(mayManage || mayReset) && (
                  <td>
                    <div class="staff-actions">
                    {mayManage && (
                      <button type="button" class="secondary" aria-label={t.editLabel(a.name)} onClick={() => { setDialog({ kind: 'edit', account: a }); }}>
                        {t.edit}
                      </button>
                    )}
                    {mayReset && a.active && (
                      <button type="button" class="secondary" aria-label={t.resetPinLabel(a.name)} onClick={() => { setDialog({ kind: 'reset', account: a }); }}>
                        {t.resetPin}
                      </button>
                    )}
                    {mayManage && a.active && (
                      <button type="button" class="secondary danger" aria-label={t.stopLabel(a.name)} onClick={() => { setDialog({ kind: 'stop', account: a }); }}>
                        {t.stop}
                      </button>
                    )}
                    {mayManage && !a.active && (
                      <RestartButton account={a} onDone={done} onProblem={(text) => { setNote(text); }} />
                    )}
                  </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="staff-forms">
        {mayManage && <AddForm onAdded={(name) => { done(t.add.added(name)); }} />}
        <OwnPinForm />
      </div>
      {dialog?.kind === 'edit' && (
        <EditDialog account={dialog.account} onDone={done} onClose={() => { setDialog(null); }} />
      )}
      {dialog?.kind === 'reset' && (
        <ResetDialog account={dialog.account} onDone={done} onClose={() => { setDialog(null); }} />
      )}
      {dialog?.kind === 'stop' && (
        <StopDialog account={dialog.account} onDone={done} onClose={() => { setDialog(null); }} />
      )}
    </main>
  );
}

function RoleSelect({ value, onChange, attrs }: { value: PersonRole; onChange: (role: PersonRole) => void; attrs: object }) {
  const lang = useLang();
  return (
    <select
      {...attrs}
      value={value}
      onChange={(e) => {
        onChange((e.target as HTMLSelectElement).value as PersonRole);
      }}
    >
      {PERSON_ROLES.map((r) => (
        <option key={r} value={r}>
          {roleName(r, lang)}
        </option>
      ))}
    </select>
  );
}

function PinInput({ value, onInput, attrs, testid }: { value: string; onInput: (pin: string) => void; attrs: object; testid: string }) {
  return (
    <input
      {...attrs}
      type="password"
      inputMode="numeric"
      autoComplete="off"
      maxLength={8}
      value={value}
      data-testid={testid}
      onInput={(e) => {
        onInput((e.target as HTMLInputElement).value);
      }}
    />
  );
}

function AddForm({ onAdded }: { onAdded: (name: string) => void }) {
  const t = useText(staffText);
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonRole>('cashier');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="staff-form"
      aria-labelledby="add-heading"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        addStaff({ name, role, pin }).then(
          (added) => {
            setBusy(false);
            setProblem(null);
            setName('');
            setPin('');
            onAdded(added.name);
          },
          (error: unknown) => {
            setBusy(false);
            setProblem(problemOf(error, t.unreachable));
          },
        );
      }}
    >
      <h2 id="add-heading">{t.add.heading}</h2>
      <Field id="add-name" label={t.add.name} field="name" problem={problem}>
        {(attrs) => (
          <input
            {...attrs}
            value={name}
            autoComplete="off"
            data-testid="add-name"
            onInput={(e) => {
              setName((e.target as HTMLInputElement).value);
            }}
          />
        )}
      </Field>
      <Field id="add-role" label={t.add.role} field="role" problem={problem}>
        {(attrs) => <RoleSelect value={role} onChange={setRole} attrs={{ ...attrs, 'data-testid': 'add-role' }} />}
      </Field>
      <Field id="add-pin" label={t.add.pin} field="pin" problem={problem}>
        {(attrs) => <PinInput value={pin} onInput={setPin} attrs={attrs} testid="add-pin" />}
      </Field>
      <GeneralProblem problem={problem} fields={['name', 'role', 'pin']} />
      <button type="submit" disabled={busy} data-testid="add-submit">
        {t.add.submit}
      </button>
    </form>
  );
}

function OwnPinForm() {
  const t = useText(staffText);
  const [oldPin, setOldPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  return (
    <form
      class="staff-form"
      aria-labelledby="own-heading"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        changeOwnPin(oldPin, newPin).then(
          () => {
            setProblem(null);
            setOldPin('');
            setNewPin('');
            setDone(true);
          },
          (error: unknown) => {
            setProblem(problemOf(error, t.unreachable));
          },
        );
      }}
    >
      <h2 id="own-heading">{t.own.heading}</h2>
      <Field id="own-old" label={t.own.old} field="old_pin" problem={problem}>
        {(attrs) => <PinInput value={oldPin} onInput={setOldPin} attrs={attrs} testid="own-old" />}
      </Field>
      <Field id="own-new" label={t.own.new} field="new_pin" problem={problem}>
        {(attrs) => <PinInput value={newPin} onInput={setNewPin} attrs={attrs} testid="own-new" />}
      </Field>
      <GeneralProblem problem={problem} fields={['old_pin', 'new_pin']} />
      {done && (
        <p class="admin-note" role="status">
          {t.own.done}
        </p>
      )}
      <button type="submit" data-testid="own-submit">
        {t.own.submit}
      </button>
    </form>
  );
}

function DialogBox(props: { title: string; onSubmit: () => void; onClose: () => void; children: JSX.Element | JSX.Element[] }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') props.onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [props.onClose]);
  return (
    <div class="admin-dialog" role="dialog" aria-modal="true" aria-labelledby="staff-dialog-title">
      <form
        class="admin-dialog__box"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <h2 id="staff-dialog-title">{props.title}</h2>
        {props.children}
      </form>
    </div>
  );
}

function EditDialog({ account, onDone, onClose }: { account: StaffAccount; onDone: (text: string) => void; onClose: () => void }) {
  const t = useText(staffText);
  const [name, setName] = useState(account.name);
  const [role, setRole] = useState<PersonRole>(account.role);
  const [problem, setProblem] = useState<Problem | null>(null);
  return (
    <DialogBox
      title={t.editDialog.title(account.name)}
      onClose={onClose}
      onSubmit={() => {
        changeStaff(account.id, { name, role, active: account.active }).then(
          (changed) => {
            onDone(t.editDialog.saved(changed.name));
          },
          (error: unknown) => {
            setProblem(problemOf(error, t.unreachable));
          },
        );
      }}
    >
      <Field id="edit-name" label={t.add.name} field="name" problem={problem}>
        {(attrs) => (
          <input
            {...attrs}
            value={name}
            autoFocus
            data-testid="edit-name"
            onInput={(e) => {
              setName((e.target as HTMLInputElement).value);
            }}
          />
        )}
      </Field>
      <Field id="edit-role" label={t.add.role} field="role" problem={problem}>
        {(attrs) => <RoleSelect value={role} onChange={setRole} attrs={{ ...attrs, 'data-testid': 'edit-role' }} />}
      </Field>
      <GeneralProblem problem={problem} fields={['name', 'role']} />
      <div class="admin-dialog__buttons">
        <button type="submit" data-testid="edit-save">
          {t.editDialog.save}
        </button>
        <button type="button" class="secondary" onClick={onClose}>
          {t.cancel}
        </button>
      </div>
    </DialogBox>
  );
}

function ResetDialog({ account, onDone, onClose }: { account: StaffAccount; onDone: (text: string) => void; onClose: () => void }) {
  const t = useText(staffText);
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  return (
    <DialogBox
      title={t.resetDialog.title(account.name)}
      onClose={onClose}
      onSubmit={() => {
        resetPin(account.id, pin).then(
          () => {
            onDone(t.resetDialog.done(account.name));
          },
          (error: unknown) => {
            setProblem(problemOf(error, t.unreachable));
          },
        );
      }}
    >
      <p>{t.resetDialog.explain}</p>
      <Field id="reset-pin" label={t.resetDialog.pin} field="pin" problem={problem}>
        {(attrs) => <PinInput value={pin} onInput={setPin} attrs={{ ...attrs, autoFocus: true }} testid="reset-pin" />}
      </Field>
      <GeneralProblem problem={problem} fields={['pin']} />
      <div class="admin-dialog__buttons">
        <button type="submit" data-testid="reset-save">
          {t.resetDialog.save}
        </button>
        <button type="button" class="secondary" onClick={onClose}>
          {t.cancel}
        </button>
      </div>
    </DialogBox>
  );
}

function StopDialog({ account, onDone, onClose }: { account: StaffAccount; onDone: (text: string) => void; onClose: () => void }) {
  const t = useText(staffText);
  const [problem, setProblem] = useState<Problem | null>(null);
  return (
    <DialogBox
      title={t.stopDialog.title(account.name)}
      onClose={onClose}
      onSubmit={() => {
        changeStaff(account.id, { name: account.name, role: account.role, active: false }).then(
          () => {
            onDone(t.stopDialog.done(account.name));
          },
          (error: unknown) => {
            setProblem(problemOf(error, t.unreachable));
          },
        );
      }}
    >
      <p>{t.stopDialog.explain(account.name)}</p>
      <GeneralProblem problem={problem} fields={[]} />
      <div class="admin-dialog__buttons">
        <button type="submit" class="danger" data-testid="stop-confirm">
          {t.stopDialog.confirm}
        </button>
        <button type="button" class="secondary" onClick={onClose} autoFocus>
          {t.cancel}
        </button>
      </div>
    </DialogBox>
  );
}

function RestartButton({ account, onDone, onProblem }: { account: StaffAccount; onDone: (text: string) => void; onProblem: (text: string) => void }) {
  const t = useText(staffText);
  return (
    <button
      type="button"
      class="secondary"
      aria-label={t.restartLabel(account.name)}
      onClick={() => {
        changeStaff(account.id, { name: account.name, role: account.role, active: true }).then(
          () => {
            onDone(t.stopDialog.restarted(account.name));
          },
          (error: unknown) => {
            onProblem(problemOf(error, t.unreachable).text);
          },
        );
      }}
    >
      {t.restart}
    </button>
  );
}
