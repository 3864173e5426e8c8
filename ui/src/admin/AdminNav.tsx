// The owner's navigation, the same on every back-office page (`/admin`, `/menu-editor`). A link
// shows only to someone the server lets in (their permissions from `/auth/me`).

import { useText } from '../i18n/preact';
import { adminText } from './text';

/** The views of `/admin`, which switch without a reload. */
export type AdminView = 'board' | 'list' | 'staff' | 'audit';
export type AdminPage = AdminView | 'menu';

/** `onGo`: on `/admin` itself, switching views without a reload; elsewhere the links load it. */
export function AdminNav({
  current,
  permissions,
  onGo,
}: {
  current: AdminPage;
  permissions: readonly string[];
  onGo?: (view: AdminView) => (event: Event) => void;
}) {
  const t = useText(adminText);
  const here = (page: AdminPage) => (current === page ? 'page' : undefined);
  const may = (permission: string) => permissions.includes(permission);
  return (
    <nav class="admin-nav" aria-label={t.nav.label}>
      <a href="/admin" aria-current={here('board')} onClick={onGo?.('board')}>
        {t.nav.board}
      </a>
      <a href="/admin?view=list" aria-current={here('list')} onClick={onGo?.('list')}>
        {t.nav.list}
      </a>
      {may('view_menu') && (
        <a href="/menu-editor" aria-current={here('menu')}>
          {t.nav.menu}
        </a>
      )}
      {may('view_staff') && (
        <a href="/admin?view=staff" aria-current={here('staff')} onClick={onGo?.('staff')}>
          {t.nav.staff}
        </a>
      )}
      {may('view_audit_log') && (
        <a href="/admin?view=audit" aria-current={here('audit')} onClick={onGo?.('audit')}>
          {t.nav.audit}
        </a>
      )}
      <a href="/settings">{t.nav.settings}</a>
      <a href="/counter">{t.nav.counter}</a>
      <a href="/kitchen">{t.nav.kitchen}</a>
    </nav>
  );
}
