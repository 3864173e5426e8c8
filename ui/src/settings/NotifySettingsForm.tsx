// The notifications section of /settings (`GET`/`PUT /settings/notifications`) and the test mail
// (`POST /settings/notifications/test-mail`). Whether a setting is valid is the server's answer,
// shown at its input (`field`: `mail.host`, `mail.port`, ...). Secrets are never shown: the server
// only says whether one is saved, and an empty input keeps it.

import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { loadNotifySettings, saveNotifySettings, sendTestMail } from '../api/notify';
import type { NotifySettings, NotifySettingsBody } from '../api/types';
import { useText } from '../i18n/preact';
import { notifyText } from './text';

type Security = 'starttls' | 'tls' | 'none';
const SECURITIES: Security[] = ['starttls', 'tls', 'none'];
type StatusKey = 'accepted' | 'ready' | 'out_for_delivery' | 'rejected';
const STATUSES: StatusKey[] = ['accepted', 'ready', 'out_for_delivery', 'rejected'];

interface Form {
  mailOn: boolean;
  host: string;
  port: string;
  security: Security;
  user: string;
  password: string;
  from: string;
  statuses: Record<StatusKey, boolean>;
  smsOn: boolean;
  smsToken: string;
  smsSender: string;
  alertEmail: string;
  alertMinutes: string;
}

function formOf(s: NotifySettings): Form {
  return {
    mailOn: s.mail !== null && s.mail !== undefined,
    host: s.mail?.host ?? '',
    port: String(s.mail?.port ?? 587),
    security: (s.mail?.security as Security | undefined) ?? 'starttls',
    user: s.mail?.user ?? '',
    password: '',
    from: s.mail?.from ?? '',
    statuses: { ...s.status_mails },
    smsOn: s.sms_enabled,
    smsToken: '',
    smsSender: s.sms_sender,
    alertEmail: s.owner_alert_email,
    alertMinutes: String(s.owner_alert_minutes),
  };
}

function bodyOf(f: Form): NotifySettingsBody {
  return {
    mail: f.mailOn
      ? {
          host: f.host,
          // A port that is no number goes as 0, so the server names the field.
          port: Number.parseInt(f.port, 10) || 0,
          security: f.security,
          user: f.user,
          // Empty keeps the saved password.
          ...(f.password === '' ? {} : { password: f.password }),
          from: f.from,
        }
      : null,
    status_mails: f.statuses,
    sms_enabled: f.smsOn,
    ...(f.smsToken === '' ? {} : { sms_product_token: f.smsToken }),
    sms_sender: f.smsSender,
    owner_alert_email: f.alertEmail,
    owner_alert_minutes: Number.parseInt(f.alertMinutes, 10) || 0,
  };
}

/** The input each field of the server's answer belongs to. */
const INPUT_OF: Record<string, string> = {
  'mail.host': 'notify-host',
  'mail.port': 'notify-port',
  'mail.user': 'notify-user',
  'mail.password': 'notify-password',
  'mail.from': 'notify-from',
  'sms.product_token': 'notify-sms-token',
  'sms.sender': 'notify-sms-sender',
  'owner_alert.email': 'notify-alert-email',
  'owner_alert.minutes': 'notify-alert-minutes',
  to: 'notify-test-to',
};

export function NotifySettingsForm() {
  const t = useText(notifyText);
  const [saved, setSaved] = useState<NotifySettings | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<{ input: string | null; text: string } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [testTo, setTestTo] = useState('');
  const [test, setTest] = useState<{ text: string; ok: boolean } | null>(null);
  const [testing, setTesting] = useState(false);

  useEffect(() => {
    loadNotifySettings().then(
      (s) => {
        setSaved(s);
        setForm(formOf(s));
      },
      () => {
        setError({ input: null, text: t.unreachable });
      },
    );
  }, []);

  if (!form || !saved) {
    return error ? (
      <p class="alert" role="alert">
        {error.text}
      </p>
    ) : null;
  }
  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
  };
  const fail = (e: unknown) => {
    if (e instanceof ApiError) {
      const input = e.field ? (INPUT_OF[e.field] ?? null) : null;
      setError({ input, text: e.message });
      if (input) document.getElementById(input)?.focus();
    } else {
      setError({ input: null, text: t.unreachable });
    }
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setNote(null);
    try {
      const s = await saveNotifySettings(bodyOf(form));
      setSaved(s);
      setForm(formOf(s));
      setNote(t.saved);
    } catch (e) {
      fail(e);
    }
  };
  const sendTest = async () => {
    setError(null);
    setTest(null);
    setTesting(true);
    try {
      const result = await sendTestMail(testTo);
      setTest({ text: result.sent ? t.testSent(result.detail) : t.testFailed(result.detail), ok: result.sent });
    } catch (e) {
      fail(e);
    } finally {
      setTesting(false);
    }
  };
  /** Props that tie an input to the server's complaint about it. */
  const field = (id: string) => ({
    id,
    'aria-invalid': error?.input === id ? ('true' as const) : undefined,
    'aria-describedby': error?.input === id ? 'notify-error' : undefined,
  });
  const errorAt = (id: string) =>
    error?.input === id && (
      <span class="field-error" id="notify-error" role="alert" data-testid="notify-field-error">
        {error.text}
      </span>
    );

  return (
    <section class="panel" aria-labelledby="notify-heading" data-testid="notifications">
      <h2 id="notify-heading">{t.heading}</h2>
      <p>{t.explain}</p>
      <form onSubmit={(e) => void save(e)}>
        <label class="check">
          <input
            type="checkbox"
            checked={form.mailOn}
            onChange={(e) => {
              set({ mailOn: (e.target as HTMLInputElement).checked });
            }}
          />{' '}
          {t.mailOn}
        </label>
        {form.mailOn && (
          <div class="notify-grid">
            <label for="notify-host">{t.host}</label>
            <div>
              <input
                {...field('notify-host')}
                value={form.host}
                autocomplete="off"
                onInput={(e) => {
                  set({ host: (e.target as HTMLInputElement).value });
                }}
              />
              {errorAt('notify-host')}
            </div>
            <label for="notify-port">{t.port}</label>
            <div>
              <input
                {...field('notify-port')}
                inputMode="numeric"
                value={form.port}
                onInput={(e) => {
                  set({ port: (e.target as HTMLInputElement).value });
                }}
              />
              {errorAt('notify-port')}
            </div>
            <label for="notify-security">{t.security}</label>
            <select
              id="notify-security"
              value={form.security}
              onChange={(e) => {
                set({ security: (e.target as HTMLSelectElement).value as Security });
              }}
            >
              {SECURITIES.map((s) => (
                <option key={s} value={s}>
                  {t.securities[s]}
                </option>
              ))}
            </select>
            <label for="notify-user">{t.user}</label>
            <div>
              <input
                {...field('notify-user')}
                value={form.user}
                autocomplete="off"
                onInput={(e) => {
                  set({ user: (e.target as HTMLInputElement).value });
                }}
              />
              {errorAt('notify-user')}
            </div>
            <label for="notify-password">{t.password}</label>
            <div>
              <input
                {...field('notify-password')}
                type="password"
                value={form.password}
                autocomplete="new-password"
                aria-describedby="notify-password-hint"
                onInput={(e) => {
                  set({ password: (e.target as HTMLInputElement).value });
                }}
              />
              <span class="hint" id="notify-password-hint">
                {saved.mail?.password_set ? t.passwordSet : t.passwordNone}
              </span>
              {errorAt('notify-password')}
            </div>
            <label for="notify-from">{t.from}</label>
            <div>
              <input
                {...field('notify-from')}
                value={form.from}
                placeholder={t.fromHint}
                onInput={(e) => {
                  set({ from: (e.target as HTMLInputElement).value });
                }}
              />
              {errorAt('notify-from')}
            </div>
          </div>
        )}
        <fieldset>
          <legend>{t.statusHeading}</legend>
          {STATUSES.map((s) => (
            <label key={s} class="check">
              <input
                type="checkbox"
                checked={form.statuses[s]}
                onChange={(e) => {
                  set({ statuses: { ...form.statuses, [s]: (e.target as HTMLInputElement).checked } });
                }}
              />{' '}
              {t.statuses[s]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t.smsHeading}</legend>
          <label class="check">
            <input
              type="checkbox"
              checked={form.smsOn}
              onChange={(e) => {
                set({ smsOn: (e.target as HTMLInputElement).checked });
              }}
            />{' '}
            {t.smsOn}
          </label>
          <div class="notify-grid">
            <label for="notify-sms-token">{t.smsToken}</label>
            <div>
              <input
                {...field('notify-sms-token')}
                type="password"
                autocomplete="off"
                value={form.smsToken}
                onInput={(e) => {
                  set({ smsToken: (e.target as HTMLInputElement).value });
                }}
              />
              {saved.sms_product_token_set && <span class="hint">{t.smsTokenSet}</span>}
              {errorAt('notify-sms-token')}
            </div>
            <label for="notify-sms-sender">{t.smsSender}</label>
            <div>
              <input
                {...field('notify-sms-sender')}
                value={form.smsSender}
                maxLength={11}
                onInput={(e) => {
                  set({ smsSender: (e.target as HTMLInputElement).value });
                }}
              />
              {errorAt('notify-sms-sender')}
            </div>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t.alertHeading}</legend>
          <div class="notify-grid">
            <label for="notify-alert-email">{t.alertEmail}</label>
            <div>
              <input
                {...field('notify-alert-email')}
                type="email"
                value={form.alertEmail}
                onInput={(e) => {
                  set({ alertEmail: (e.target as HTMLInputElement).value });
                }}
              />
              <span class="hint">{t.alertHint}</span>
              {errorAt('notify-alert-email')}
            </div>
            <label for="notify-alert-minutes">{t.alertMinutes}</label>
            <div>
              <input
                {...field('notify-alert-minutes')}
                inputMode="numeric"
                value={form.alertMinutes}
                onInput={(e) => {
                  set({ alertMinutes: (e.target as HTMLInputElement).value });
                }}
              />
              {errorAt('notify-alert-minutes')}
            </div>
          </div>
        </fieldset>
        {error && error.input === null && (
          <p class="alert" role="alert" data-testid="notify-note">
            {error.text}
          </p>
        )}
        {note && (
          <p class="note" role="status" data-testid="notify-note">
            {note}
          </p>
        )}
        <p>
          <button type="submit">{t.save}</button>
        </p>
      </form>
      <h3>{t.testHeading}</h3>
      <div class="notify-grid">
        <label for="notify-test-to">{t.testTo}</label>
        <div>
          <input
            {...field('notify-test-to')}
            type="email"
            value={testTo}
            onInput={(e) => {
              setTestTo((e.target as HTMLInputElement).value);
            }}
          />
          {errorAt('notify-test-to')}
        </div>
      </div>
      <p>
        <button type="button" class="secondary" disabled={testing || !saved.mail} onClick={() => void sendTest()}>
          {testing ? t.testSending : t.testSend}
        </button>
        {!saved.mail && <span class="hint"> {t.testSaveFirst}</span>}
      </p>
      {test && (
        <p class={test.ok ? 'note' : 'alert'} role={test.ok ? 'status' : 'alert'} data-testid="test-mail-result">
          {test.text}
        </p>
      )}
    </section>
  );
}
