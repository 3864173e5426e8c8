import { useEffect, useRef, useState } from 'preact/hooks';
import { listDevices, unpairDevice } from '../api/devices';
import type { Device } from '../api/types';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/preact';
import { deviceKind, unpairProblem } from './settings-text';
import { settingsText } from './text';

/** What happened last, worded when shown (in the language the page has then). */
type Outcome =
  | { kind: 'unpaired'; device: Device }
  | { kind: 'unpair-failed'; device: Device; error: unknown }
  | { kind: 'list-unreachable' };

/** The paired screens, each with "Ontkoppelen" and a second step to confirm it. */
export function DeviceList() {
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const lang = useLang();
  const t = settingsText[lang].devices;

  const load = async () => {
    try {
      setDevices(await listDevices());
    } catch {
      setOutcome({ kind: 'list-unreachable' });
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const unpair = async (device: Device) => {
    setBusy(true);
    setOutcome(null);
    try {
      await unpairDevice(device.id);
      setOutcome({ kind: 'unpaired', device });
    } catch (error) {
      setOutcome({ kind: 'unpair-failed', device, error });
    } finally {
      setBusy(false);
      setConfirming(null);
      await load();
    }
  };

  return (
    <div class="devices">
      {outcome?.kind === 'unpaired' && (
        <p class="note note--ok" role="status">
          <span aria-hidden="true">✓ </span>
          {t.unpaired(outcome.device.name)}
        </p>
      )}
      {outcome?.kind === 'unpair-failed' && (
        <p class="alert" role="alert">
          {unpairProblem(outcome.device, outcome.error, lang)}
        </p>
      )}
      {outcome?.kind === 'list-unreachable' && (
        <p class="alert" role="alert">
          {t.listUnreachable}
        </p>
      )}
      {devices === null && outcome?.kind !== 'list-unreachable' && <p>{t.loading}</p>}
      {devices?.length === 0 && <p class="devices__empty">{t.none}</p>}
      {devices && devices.length > 0 && (
        <ul class="devices__list">
          {devices.map((device) => (
            <DeviceRow
              key={device.id}
              device={device}
              confirming={confirming === device.id}
              busy={busy}
              onAsk={() => {
                setOutcome(null);
                setConfirming(device.id);
              }}
              onCancel={() => {
                setConfirming(null);
              }}
              onConfirm={() => void unpair(device)}
            />
          ))}
        </ul>
      )}
      <button
        type="button"
        class="secondary"
        onClick={() => {
          setOutcome(null);
          void load();
        }}
      >
        {t.refresh}
      </button>
    </div>
  );
}

function DeviceRow({
  device,
  confirming,
  busy,
  onAsk,
  onCancel,
  onConfirm,
}: {
  device: Device;
  confirming: boolean;
  busy: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  const lang = useLang();
  const t = settingsText[lang].devices;
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  return (
    <li class="device" data-testid={`device-${device.id}`}>
      <div class="device__what">
        <strong>{device.name}</strong>
        <span class="device__meta">
          {deviceKind(device, lang)} · {t.pairedOn(formatDateTime(device.paired_at, lang))}
        </span>
      </div>
      {confirming ? (
        <div class="device__confirm" role="group" aria-label={t.confirmGroup(device.name)}>
          <p>{t.confirm(device.name)}</p>
          <button type="button" ref={confirmButton} disabled={busy} onClick={onConfirm}>
            {t.yes}
          </button>
          <button type="button" class="secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="secondary"
          aria-label={t.unpairLabel(device.name)}
          onClick={onAsk}
        >
          {t.unpair}
        </button>
      )}
    </li>
  );
}
