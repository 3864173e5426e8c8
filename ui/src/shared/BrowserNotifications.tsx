import { useEffect, useRef, useState } from 'preact/hooks';
import type { Order } from '../api/types';
import { formatEuro } from '../i18n/format';
import { useLang } from '../i18n/preact';
import { messagesText } from './text';

/** Whether this browser has the Notification API at all (not on every phone, not in tests). */
function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

/**
 * A browser notification for every new web order, where the browser allows it: the counter's tab
 * is often in the background. Permission is asked only when someone presses the button (browsers
 * ignore a request that no gesture started); once granted, the button is gone.
 */
export function BrowserNotifications({ newOrders }: { newOrders: Order[] }) {
  const lang = useLang();
  const t = messagesText[lang];
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() =>
    supported() ? Notification.permission : 'unsupported',
  );
  const told = useRef(new Set<number>());
  const first = useRef(true);

  useEffect(() => {
    const web = newOrders.filter((o) => o.channel === 'web' && !told.current.has(o.id));
    for (const order of web) told.current.add(order.id);
    // The orders already there when the page opened are no news.
    if (first.current) {
      first.current = false;
      return;
    }
    if (permission !== 'granted') return;
    for (const order of web) {
      new Notification(t.notifyTitle(order.number), {
        body: t.notifyBody(order.contact?.name ?? '—', formatEuro(order.total_cents, lang)),
        tag: `forno-order-${order.id}`,
      });
    }
  }, [newOrders, permission]);

  if (permission === 'unsupported' || permission === 'granted') return null;
  if (permission === 'denied') {
    return (
      <p class="topbar__note" data-testid="notify-blocked">
        {t.notifyBlocked}
      </p>
    );
  }
  return (
    <button
      type="button"
      class="secondary"
      title={t.notifyOnLabel}
      data-testid="notify-on"
      onClick={() => {
        void Notification.requestPermission().then(setPermission);
      }}
    >
      {t.notifyOn}
    </button>
  );
}
