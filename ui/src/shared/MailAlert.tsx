import { useEffect, useState } from 'preact/hooks';
import { mailStatus } from '../api/notify';
import type { MailStatus } from '../api/types';
import { formatClock } from '../i18n/format';
import { useLang } from '../i18n/preact';
import type { StaffFeed } from '../live/staff-feed';
import { messagesText } from './text';

/** How often to ask again while the page is open: mail trouble has no event of its own. */
const POLL_MS = 15_000;

/**
 * A mail server that cannot be reached, in words nobody can miss: since when, how many mails
 * wait (they go out by themselves once it works) and how many failed. Asked again on every order
 * event and every 15 s.
 */
export function MailAlert({ feed, settingsLink }: { feed: StaffFeed; settingsLink: boolean }) {
  const lang = useLang();
  const t = messagesText[lang];
  const [status, setStatus] = useState<MailStatus | null>(null);

  useEffect(() => {
    const load = () => {
      mailStatus().then(setStatus, () => undefined);
    };
    load();
    const timer = setInterval(load, POLL_MS);
    const stop = feed.listen((event) => {
      if (event.type.startsWith('order')) load();
    });
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [feed]);

  if (!status?.set_up || !status.failing) return null;
  return (
    <div class="alert mail-alert" role="alert" data-testid="mail-alert">
      <strong>{t.alertTitle}</strong>
      {status.reason && <p>{status.reason}</p>}
      {status.since && <p>{t.alertSince(formatClock(status.since, lang))}</p>}
      {status.waiting > 0 && <p>{t.alertWaiting(status.waiting)}</p>}
      {status.failed > 0 && <p>{t.alertFailed(status.failed)}</p>}
      <p>{t.alertCheck}</p>
      {settingsLink && (
        <a class="button" href="/settings">
          {t.toSettings}
        </a>
      )}
    </div>
  );
}
