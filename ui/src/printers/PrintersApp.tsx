import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import {
  addPrinter,
  cancelJob,
  listPrintJobs,
  listPrinters,
  listProfiles,
  printTestPage,
  removePrinter,
  reprintJob,
  retryJob,
  updatePrinter,
} from '../api/printers';
import { currentStaff } from '../api/session';
import type { PrintJob, Printer, PrinterBody, PrinterProfile, StaffMember } from '../api/types';
import { formatDateTime } from '../i18n/format';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import type { LocalText } from '../i18n/messages';
import { useLang, useText, useTitle } from '../i18n/preact';
import { LiveClient } from '../live/live-client';
import { pollStaffEvents } from '../live/staff-feed';
import { roleName } from '../shared/roles';
import { sharedText } from '../shared/text';
import { PrintRulesSection } from './PrintRules';
import { printersText } from './text';

type Screen =
  | { kind: 'loading' }
  | { kind: 'unreachable' }
  | { kind: 'not-logged-in' }
  | { kind: 'ready'; staff: StaffMember };

const CONNECTIONS = ['tcp', 'serial', 'usb', 'cups', 'agent'] as const;

function why(error: unknown): string {
  return error instanceof ApiError ? error.message : String(error);
}

/** `/printers`: for every staff member who may print; setting printers up is owner and manager. */
export function PrintersApp() {
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const lang = useLang();
  const t = useText(printersText);
  useTitle(`${t.title} · Forno`);

  useEffect(() => {
    currentStaff().then(
      (staff) => {
        setScreen(staff ? { kind: 'ready', staff } : { kind: 'not-logged-in' });
      },
      () => {
        setScreen({ kind: 'unreachable' });
      },
    );
  }, []);

  const staff = screen.kind === 'ready' ? screen.staff : null;
  return (
    <>
      <header class="pagebar">
        <p class="pagebar__brand">Forno</p>
        <p class="pagebar__title">{t.title}</p>
        <div class="pagebar__end">
          {staff && (
            <p>
              {staff.name} <span class="pagebar__role">({roleName(staff.role, lang)})</span>
            </p>
          )}
          <a class="button secondary" href="/staff">
            {t.toCounter}
          </a>
          <LanguageSwitch />
        </div>
      </header>
      <main class="page">
        <h1>{t.title}</h1>
        {screen.kind === 'loading' && <p>{sharedText[lang].loading}</p>}
        {screen.kind === 'unreachable' && (
          <p class="alert" role="alert">
            {t.unreachable}
          </p>
        )}
        {screen.kind === 'not-logged-in' && (
          <div class="note" role="status">
            <p>{t.notLoggedIn}</p>
            <p>
              <a href="/staff">{t.toLogin}</a>
            </p>
          </div>
        )}
        {screen.kind === 'ready' && (
          <Printers manage={screen.staff.permissions.includes('manage_printers')} />
        )}
      </main>
    </>
  );
}

function Printers({ manage }: { manage: boolean }) {
  const t = useText(printersText);
  const lang = useLang();
  const [printers, setPrinters] = useState<Printer[] | null>(null);
  const [jobs, setJobs] = useState<PrintJob[]>([]);
  const [profiles, setProfiles] = useState<PrinterProfile[]>([]);
  const [editing, setEditing] = useState<Printer | null>(null);
  // What was done or went wrong, in the language shown now (switching language says it again).
  const [note, setNote] = useState<{ ok: boolean; text: LocalText } | null>(null);
  const [saves, setSaves] = useState(0);

  const load = async () => {
    const [p, j] = await Promise.all([listPrinters(), listPrintJobs()]);
    setPrinters(p);
    setJobs(j);
  };

  useEffect(() => {
    void load().catch((error: unknown) => {
      setNote({ ok: false, text: (l) => printersText[l].failed(why(error)) });
    });
    void listProfiles().then(setProfiles, () => undefined);
    // Every print event on the staff stream: the lists again.
    const client = new LiveClient({
      url: '/api/v1/ws',
      after: null,
      handlers: {
        event: (event) => {
          if (event.type.startsWith('print')) void load().catch(() => undefined);
        },
        welcome: () => void load().catch(() => undefined),
      },
      poll: pollStaffEvents,
    });
    client.start();
    return () => {
      client.stop();
    };
  }, []);

  const act = async (work: () => Promise<unknown>, done?: LocalText) => {
    setNote(null);
    try {
      await work();
      if (done) setNote({ ok: true, text: done });
    } catch (error) {
      setNote({ ok: false, text: (l) => printersText[l].failed(why(error)) });
    }
    await load().catch(() => undefined);
  };

  return (
    <>
      {note && (
        <p class={note.ok ? 'note note--ok' : 'alert'} role={note.ok ? 'status' : 'alert'}>
          {note.text(lang)}
        </p>
      )}
      <section class="panel" aria-labelledby="printers-heading">
        <h2 id="printers-heading">{t.title}</h2>
        {printers === null && <p>{sharedText[lang].loading}</p>}
        {printers?.length === 0 && <p>{t.none}</p>}
        <ul class="printers">
          {printers?.map((p) => (
            <li class="printer" key={p.id} data-testid={`printer-${p.id}`}>
              <div class="printer__what">
                <strong>{p.name}</strong>
                <span class="printer__meta">
                  {p.profile.name} · {t.connections[p.connection as (typeof CONNECTIONS)[number]]}
                  {p.address ? ` · ${p.address}` : ''}
                </span>
                <span
                  class={p.ready || p.state === 'unknown' ? 'printer__state' : 'printer__state printer__state--bad'}
                  data-testid="printer-state"
                >
                  {t.state}: {lang === 'nl' ? p.state_nl : p.state_en}
                  {p.waiting > 0 ? ` · ${t.waiting(p.waiting)}` : ''}
                  {p.problems > 0 ? ` · ${t.problems(p.problems)}` : ''}
                </span>
              </div>
              {manage && (
                <div class="printer__actions">
                  <button
                    type="button"
                    class="secondary"
                    aria-label={t.testPageLabel(p.name)}
                    onClick={() => void act(() => printTestPage(p.id), (l) => printersText[l].testQueued(p.name))}
                  >
                    {t.testPage}
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={t.editLabel(p.name)}
                    onClick={() => {
                      setEditing(p);
                    }}
                  >
                    {t.edit}
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={t.removeLabel(p.name)}
                    onClick={() => void act(() => removePrinter(p.id), (l) => printersText[l].removed(p.name))}
                  >
                    {t.remove}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
      {manage && profiles.length > 0 && (
        <PrinterForm
          key={`${String(editing?.id ?? 'new')}-${String(saves)}`}
          editing={editing}
          profiles={profiles}
          onSave={async (body) => {
            setNote(null);
            try {
              if (editing) await updatePrinter(editing.id, body);
              else await addPrinter(body);
              setNote({ ok: true, text: (l) => printersText[l].saved(body.name) });
              setEditing(null);
              setSaves((n) => n + 1);
              await load();
              return null;
            } catch (error) {
              return error;
            }
          }}
          onCancel={() => {
            setEditing(null);
          }}
        />
      )}
      {manage && printers !== null && printers.length > 0 && (
        <PrintRulesSection
          printers={printers}
          onSaved={(text) => {
            setNote({ ok: true, text });
          }}
        />
      )}
      <section class="panel" aria-labelledby="jobs-heading">
        <h2 id="jobs-heading">{t.jobsTitle}</h2>
        {jobs.length === 0 && <p>{t.noJobs}</p>}
        <ul class="jobs">
          {jobs.map((job) => (
            <li class={`job job--${job.state}`} key={job.id} data-testid={`job-${job.id}`}>
              <div class="job__what">
                <strong>
                  {(t.layouts as Record<string, string>)[job.layout] ?? job.layout}
                  {job.station ? ` · ${job.station}` : ''}
                  {job.copy ? ` (${t.copy})` : ''}
                </strong>
                <span class="job__meta">
                  {job.printer_name}
                  {job.order_id !== null && job.order_id !== undefined ? ` · ${t.order(job.order_id)}` : ''}
                  {' · '}
                  {formatDateTime(job.created_at, lang)}
                </span>
                <span class="job__state" data-testid="job-state">
                  {(t.jobStates as Record<string, string>)[job.state] ?? job.state}
                  {job.error ? ` · ${job.error}` : ''}
                </span>
              </div>
              <div class="job__actions">
                {['printed', 'failed', 'needs_attention'].includes(job.state) && (
                  <button
                    type="button"
                    class="secondary"
                    aria-label={t.jobLabel(t.reprint, job.id)}
                    onClick={() => void act(() => reprintJob(job.id))}
                  >
                    {t.reprint}
                  </button>
                )}
                {['failed', 'queued'].includes(job.state) && (
                  <button
                    type="button"
                    class="secondary"
                    aria-label={t.jobLabel(t.retry, job.id)}
                    onClick={() => void act(() => retryJob(job.id))}
                  >
                    {t.retry}
                  </button>
                )}
                {['queued', 'failed'].includes(job.state) && printers && printers.length > 1 && (
                  <MoveJob
                    job={job}
                    printers={printers}
                    onMove={(printer) =>
                      void act(() => retryJob(job.id, printer.id), (l) => printersText[l].moved(printer.name))
                    }
                  />
                )}
                {['queued', 'failed', 'needs_attention'].includes(job.state) && (
                  <button
                    type="button"
                    class="secondary"
                    aria-label={t.jobLabel(job.state === 'needs_attention' ? t.printedAnyway : t.cancelJob, job.id)}
                    onClick={() => void act(() => cancelJob(job.id))}
                  >
                    {job.state === 'needs_attention' ? t.printedAnyway : t.cancelJob}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** "Move to another printer": a picker of the other printers and a button. */
function MoveJob({
  job,
  printers,
  onMove,
}: {
  job: PrintJob;
  printers: Printer[];
  onMove: (printer: Printer) => void;
}) {
  const t = useText(printersText);
  const others = printers.filter((p) => p.id !== job.printer_id);
  const [target, setTarget] = useState<number>(others[0]?.id ?? 0);
  const chosen = others.find((p) => p.id === target) ?? others[0];
  if (!chosen) return null;
  return (
    <span class="job__move">
      <select
        aria-label={t.moveLabel(job.id)}
        value={String(chosen.id)}
        onChange={(e) => {
          setTarget(Number(e.currentTarget.value));
        }}
      >
        {others.map((p) => (
          <option key={p.id} value={String(p.id)}>
            {t.moveTo}: {p.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="secondary"
        aria-label={t.moveButtonLabel(job.id)}
        onClick={() => {
          onMove(chosen);
        }}
      >
        {t.move}
      </button>
    </span>
  );
}

function PrinterForm({
  editing,
  profiles,
  onSave,
  onCancel,
}: {
  editing: Printer | null;
  profiles: PrinterProfile[];
  /** Resolves to the error, or null when saved. */
  onSave: (body: PrinterBody) => Promise<unknown>;
  onCancel: () => void;
}) {
  const t = useText(printersText);
  const [body, setBody] = useState<PrinterBody>({
    name: editing?.name ?? '',
    profile: editing?.profile.id ?? profiles[0]?.id ?? '',
    connection: editing?.connection ?? 'tcp',
    address: editing?.address ?? '',
    enabled: editing?.enabled ?? true,
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) =>
    error?.field === field ? (
      <span class="field-error" id={`printer-${field}-error`}>
        {error.message}
      </span>
    ) : null;
  const described = (field: string) =>
    error?.field === field ? { 'aria-describedby': `printer-${field}-error`, 'aria-invalid': true } : {};

  return (
    <section class="panel" aria-labelledby="printer-form-heading">
      <h2 id="printer-form-heading">{editing ? t.editTitle(editing.name) : t.addTitle}</h2>
      <form
        class="printer-form"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void onSave(body).then((failure) => {
            setBusy(false);
            setError(failure instanceof ApiError ? failure : null);
            if (failure && !(failure instanceof ApiError)) setError(new ApiError(0, t.failed(""), null, null));
          });
        }}
      >
        <label>
          {t.name}
          <input
            name="name"
            value={body.name}
            required
            maxLength={60}
            {...described('name')}
            onInput={(e) => {
              setBody({ ...body, name: e.currentTarget.value });
            }}
          />
          {fieldError('name')}
        </label>
        <label>
          {t.profile}
          <select
            name="profile"
            value={body.profile}
            onChange={(e) => {
              setBody({ ...body, profile: e.currentTarget.value });
            }}
          >
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.paper_mm} mm)
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.connection}
          <select
            name="connection"
            value={body.connection}
            onChange={(e) => {
              setBody({ ...body, connection: e.currentTarget.value });
            }}
          >
            {CONNECTIONS.map((c) => (
              <option key={c} value={c}>
                {t.connections[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.address}
          <input
            name="address"
            value={body.address}
            aria-describedby="printer-address-hint"
            {...described('address')}
            onInput={(e) => {
              setBody({ ...body, address: e.currentTarget.value });
            }}
          />
          <span class="hint" id="printer-address-hint">
            {t.addressHint}
          </span>
          {fieldError('address')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="enabled"
            checked={body.enabled ?? true}
            onChange={(e) => {
              setBody({ ...body, enabled: e.currentTarget.checked });
            }}
          />
          {t.enabled}
        </label>
        {error && !error.field && (
          <p class="alert" role="alert">
            {t.failed(error.message)}
          </p>
        )}
        <div class="printer-form__buttons">
          <button type="submit" disabled={busy}>
            {editing ? t.save : t.add}
          </button>
          {editing && (
            <button type="button" class="secondary" onClick={onCancel}>
              {t.cancel}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
