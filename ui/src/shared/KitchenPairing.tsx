import { useEffect, useState } from 'preact/hooks';
import { newPairingCode } from '../api/devices';
import type { PairingCode } from '../api/types';
import { useLang } from '../i18n/preact';
import { pairingCodeProblem, pairingValidity } from './pairing-text';
import { QrCode } from './QrCode';
import { pairingText } from './text';

/** How often the "valid until" line is checked against the clock. */
const TICK_MS = 15_000;

export interface KitchenPairingProps {
  /** Make a code as soon as the block shows (the wizard's last step); otherwise on a tap. */
  autoStart?: boolean;
}

/**
 * "Koppel een keukenscherm": a pairing code as a QR code, the code itself and until when it
 * works, and a button for a new one. Only the owner may make codes (the server checks).
 */
export function KitchenPairing({ autoStart = false }: KitchenPairingProps) {
  const [code, setCode] = useState<PairingCode | null>(null);
  const [busy, setBusy] = useState(false);
  /** What went wrong making a code, worded when shown (in the language the page has then). */
  const [problem, setProblem] = useState<{ error: unknown } | null>(null);
  const now = useNow(code !== null);
  const lang = useLang();
  const t = pairingText[lang];

  const make = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setCode(await newPairingCode('kitchen'));
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (autoStart) void make();
    // Once, when the block appears.
  }, []);

  const validity = code && pairingValidity(code.expires_at, now, lang);
  return (
    <div class="pairing" data-testid="kitchen-pairing">
      <p>{t.intro}</p>
      {problem && (
        <p class="alert" role="alert">
          {pairingCodeProblem(problem.error, lang)}
        </p>
      )}
      {code && validity && (
        <>
          <QrCode value={code.pair_url} testId="pairing-qr" label={t.qrLabel} />
          <p class="pairing__code-line">
            {t.code}{' '}
            <strong class="pairing__code" data-testid="pairing-code">
              {code.code}
            </strong>
          </p>
          <p
            class={
              validity.expired
                ? 'pairing__validity pairing__validity--expired'
                : 'pairing__validity'
            }
            data-testid="pairing-validity"
            role="status"
          >
            {validity.text}
          </p>
        </>
      )}
      <button
        type="button"
        class={code ? 'secondary' : undefined}
        disabled={busy}
        onClick={() => void make()}
      >
        {busy ? t.making : code ? t.newCode : t.makeCode}
      </button>
    </div>
  );
}

/** The current time, refreshed every few seconds while `ticking`. */
function useNow(ticking: boolean): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!ticking) return;
    setNow(new Date());
    const timer = setInterval(() => {
      setNow(new Date());
    }, TICK_MS);
    return () => {
      clearInterval(timer);
    };
  }, [ticking]);
  return now;
}
