// The audit page (`/admin?view=audit`): the audit log for the owner and managers, newest first,
// filtered by who, what and which days, a page at a time (the server's `next_before` cursor).
// The page only reads: entries are never changed or removed.

import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { auditPage, type AuditFilters } from '../../api/staff';
import { listStaff } from '../../api/staff';
import type { AuditEntry, AuditPage as Page, StaffAccount, StaffMember, StaffRole } from '../../api/types';
import { formatDateTime, formatEuro } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import { useLang, useText } from '../../i18n/preact';
import { roleName } from '../../shared/roles';
import { sharedText } from '../../shared/text';
import { auditText } from './text';

const PAGE = 25;

type Texts = (typeof auditText)[Lang];
type ActionName = keyof Texts['actions'];

/** The kinds the page names, grouped as the "What" filter offers them. */
const GROUPS: { family: keyof Texts['families']; actions: ActionName[] }[] = [
  { family: 'order', actions: ['order.cancelled', 'order.cancel_undone', 'order.rejected'] },
  { family: 'money', actions: ['order.payment_recorded', 'order.discounted', 'drawer.opened', 'menu.price_changed'] },
  {
    family: 'staff',
    actions: ['staff.logged_in', 'staff.locked', 'staff.added', 'staff.changed', 'staff.deactivated', 'staff.reactivated', 'staff.pin_reset', 'staff.pin_changed'],
  },
  { family: 'shop', actions: ['shop.settings_changed', 'shop.paused', 'shop.resumed', 'shop.prep_time_changed', 'shop.set_up'] },
  { family: 'device', actions: ['device.paired', 'device.unpaired'] },
];

export function actionName(action: string, t: Texts): string {
  return action in t.actions ? t.actions[action as ActionName] : action;
}

/** One detail value as a person reads it: amounts in euros, lists joined. */
export function detailValue(key: string, value: unknown, lang: Lang): string {
  if (key.endsWith('_cents') && typeof value === 'number') return formatEuro(value, lang);
  if ((key === 'role' || key === 'role_before') && typeof value === 'string' && value in sharedText[lang].role) {
    return roleName(value as StaffRole, lang);
  }
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** The detail's parts worth showing, in the page's words where it has them. */
export function detailParts(entry: AuditEntry, t: Texts, lang: Lang): string[] {
  const detail = entry.detail as Record<string, unknown>;
  return Object.entries(detail)
    .filter(([key, value]) => value !== null && value !== undefined && value !== '' && key !== 'number' && !(key === 'after_sent' && value === false))
    .map(([key, value]) => `${key in t.details ? t.details[key as keyof Texts['details']] : key}: ${detailValue(key, value, lang)}`);
}

const EMPTY: AuditFilters = { staff_id: '', action: '', from: '', to: '' };

export function AuditPage({ staff }: { staff: StaffMember }) {
  const t = useText(auditText);
  const lang = useLang();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY);
  const [applied, setApplied] = useState<AuditFilters>(EMPTY);
  // The cursors of the pages before this one (for "Newer"), and this page's.
  const [cursors, setCursors] = useState<(number | null)[]>([]);
  const [before, setBefore] = useState<number | null>(null);
  const [page, setPage] = useState<Page | null>(null);
  const [problem, setProblem] = useState<{ field: string | null; text: string } | null>(null);
  const [people, setPeople] = useState<StaffAccount[]>([]);

  useEffect(() => {
    if (staff.permissions.includes('view_staff')) {
      listStaff().then(setPeople, () => {
        // Without the list, "Who" offers everyone only.
      });
    }
  }, [staff]);

  useEffect(() => {
    let cancelled = false;
    auditPage(applied, before, PAGE).then(
      (answer) => {
        if (!cancelled) {
          setPage(answer);
          setProblem(null);
        }
      },
      (error: unknown) => {
        if (!cancelled) {
          setProblem(error instanceof ApiError ? { field: error.field, text: error.message } : { field: null, text: t.unreachable });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [applied, before]);

  const set = (key: keyof AuditFilters) => (e: Event) => {
    setFilters({ ...filters, [key]: (e.target as HTMLInputElement | HTMLSelectElement).value });
  };
  const invalid = (field: string) => (problem?.field === field ? { 'aria-invalid': 'true' as const, 'aria-describedby': 'audit-problem' } : {});

  return (
    <main class="admin-list audit-page">
      <h1>{t.heading}</h1>
      <p class="audit-intro">{t.intro}</p>
      <form
        class="admin-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setCursors([]);
          setBefore(null);
          setApplied(filters);
        }}
      >
        <label>
          {t.filters.who}
          <select value={filters.staff_id} onChange={set('staff_id')} data-testid="audit-who" {...invalid('staff_id')}>
            <option value="">{t.filters.anyone}</option>
            {people.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.filters.what}
          <select value={filters.action} onChange={set('action')} data-testid="audit-what" {...invalid('action')}>
            <option value="">{t.filters.anything}</option>
            {GROUPS.map((g) => (
              <optgroup key={g.family} label={t.families[g.family]}>
                {g.actions.map((a) => (
                  <option key={a} value={a}>
                    {t.actions[a]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          {t.filters.from}
          <input type="date" value={filters.from} onInput={set('from')} data-testid="audit-from" {...invalid('from')} />
        </label>
        <label>
          {t.filters.to}
          <input type="date" value={filters.to} onInput={set('to')} data-testid="audit-to" {...invalid('to')} />
        </label>
        <button type="submit" data-testid="audit-apply">
          {t.filters.apply}
        </button>
      </form>
      {problem && (
        <p class="alert" role="alert" id="audit-problem">
          {problem.text}
        </p>
      )}
      {!page && !problem && <p>{t.loading}</p>}
      {page && (
        <>
          <p role="status" data-testid="audit-count">
            {page.entries.length === 0 ? t.empty : t.shown(page.entries.length)}
          </p>
          {page.entries.length > 0 && (
            <table class="admin-table audit-table">
              <thead>
                <tr>
                  <th scope="col">{t.columns.at}</th>
                  <th scope="col">{t.columns.who}</th>
                  <th scope="col">{t.columns.what}</th>
                  <th scope="col">{t.columns.order}</th>
                  <th scope="col">{t.columns.detail}</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((e) => {
                  const detail = e.detail as Record<string, unknown>;
                  const number = typeof detail.number === 'string' ? detail.number : e.order_id === null || e.order_id === undefined ? '' : String(e.order_id);
                  const by = typeof detail.by === 'string' ? detail.by : t.nobody;
                  return (
                    <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                      <td>{formatDateTime(e.at, lang)}</td>
                      <td>{e.staff_name ?? by}</td>
                      <td>{actionName(e.action, t)}</td>
                      <td>{number}</td>
                      <td class="audit-detail">{detailParts(e, t, lang).join(' · ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <div class="admin-paging">
            <button
              type="button"
              class="secondary"
              disabled={cursors.length === 0}
              onClick={() => {
                const previous = cursors.slice(0, -1);
                setBefore(cursors[cursors.length - 1] ?? null);
                setCursors(previous);
              }}
              data-testid="audit-newer"
            >
              {t.newer}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={page.next_before === null || page.next_before === undefined}
              onClick={() => {
                setCursors([...cursors, before]);
                setBefore(page.next_before ?? null);
              }}
              data-testid="audit-older"
            >
              {t.older}
            </button>
          </div>
        </>
      )}
    </main>
  );
}
