import { useEffect, useRef, useState } from 'preact/hooks';
import { listDevices, unpairDevice } from '../api/devices';
import type { Device } from '../api/types';
import { formatDateTime } from '../shared/format';
import { deviceKind, unpairProblem } from './settings-text';

/** The paired screens, each with "Ontkoppelen" and a second step to confirm it. */
export function DeviceList() {
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      setDevices(await listDevices());
    } catch {
      setProblem('De lijst met schermen laadt niet: de kassa is niet bereikbaar.');
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const unpair = async (device: Device) => {
    setBusy(true);
    setProblem(null);
    try {
      await unpairDevice(device.id);
      setDone(`‘${device.name}’ is ontkoppeld en ziet geen bestellingen meer.`);
    } catch (error) {
      setProblem(unpairProblem(device, error));
    } finally {
      setBusy(false);
      setConfirming(null);
      await load();
    }
  };

  return (
    <div class="devices">
      {done && (
        <p class="note note--ok" role="status">
          <span aria-hidden="true">✓ </span>
          {done}
        </p>
      )}
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {devices === null && !problem && <p>Schermen laden…</p>}
      {devices?.length === 0 && <p class="devices__empty">Er zijn nog geen schermen gekoppeld.</p>}
      {devices && devices.length > 0 && (
        <ul class="devices__list">
          {devices.map((device) => (
            <DeviceRow
              key={device.id}
              device={device}
              confirming={confirming === device.id}
              busy={busy}
              onAsk={() => {
                setDone(null);
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
          setProblem(null);
          void load();
        }}
      >
        Lijst vernieuwen
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
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  return (
    <li class="device" data-testid={`device-${device.id}`}>
      <div class="device__what">
        <strong>{device.name}</strong>
        <span class="device__meta">
          {deviceKind(device)} · gekoppeld op {formatDateTime(device.paired_at)}
        </span>
      </div>
      {confirming ? (
        <div class="device__confirm" role="group" aria-label={`${device.name} ontkoppelen?`}>
          <p>
            ‘{device.name}’ ontkoppelen? Het scherm ziet dan geen bestellingen meer tot u het
            opnieuw koppelt.
          </p>
          <button type="button" ref={confirmButton} disabled={busy} onClick={onConfirm}>
            Ja, ontkoppelen
          </button>
          <button type="button" class="secondary" onClick={onCancel}>
            Annuleren
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="secondary"
          aria-label={`${device.name} ontkoppelen`}
          onClick={onAsk}
        >
          Ontkoppelen
        </button>
      )}
    </li>
  );
}
