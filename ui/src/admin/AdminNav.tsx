// The owner's navigation, the same on every back-office page (`/admin`, `/menu-editor`).

import { useText } from '../i18n/preact';
import { adminText } from './text';

export type AdminPage = 'board' | 'list' | 'menu';

/** `onGo`: the board and list are one page that switches without a reload. */
export function AdminNav({
  current,
  onGo,
}: {
  current: AdminPage;
  onGo?: (page: 'board' | 'list') => (event: Event) => void;
}) {
  const t = useText(adminText);
  const here = (page: AdminPage) => (current === page ? 'page' : undefined);
  return (
    <nav class="admin-nav" aria-label={t.nav.label}>
      <a href="/admin" aria-current={here('board')} onClick={onGo?.('board')}>
        {t.nav.board}
      </a>
      <a href="/admin?view=list" aria-current={here('list')} onClick={onGo?.('list')}>
        {t.nav.list}
      </a>
      <span class="admin-nav__soon">
        {t.nav.stats} ({t.nav.soon})
      </span>
      <span class="admin-nav__soon">
        {t.nav.customers} ({t.nav.soon})
      </span>
      <a href="/menu-editor" aria-current={here('menu')}>
        {t.nav.menu}
      </a>
      <a href="/settings">{t.nav.settings}</a>
      <a href="/staff">{t.nav.counter}</a>
      <a href="/kitchen">{t.nav.kitchen}</a>
    </nav>
  );
}
