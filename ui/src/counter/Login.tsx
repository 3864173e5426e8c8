// The counter's login: staff names as big tiles, then a PIN pad. Where the server does not give
// the names (any computer but the shop's own), the cashier types their name instead.

import { useEffect, useRef, useState } from 'preact/hooks';
import { counterTiles, type CounterTile } from '../api/counter';
import { logIn } from '../api/session';
import type { StaffMember } from '../api/types';
import { useLang } from '../i18n/preact';
import { loginProblem } from '../staff/session';
import { counterText } from './text';

const PIN_MAX = 8;

export function CounterLogin({ onLoggedIn }: { onLoggedIn: (staff: StaffMember) => void }) {
  const lang = useLang();
  const t = counterText[lang].login;
  /** `null` while loading; `[]` when the names are not offered here. */
  const [tiles, setTiles] = useState<CounterTile[] | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [typedName, setTypedName] = useState('');

  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    counterTiles().then(setTiles, () => {
      setTiles([]);
    });
  }, []);

  // A desk without touch types the name and Enter straight away; the tiles stay one tap away.
  useEffect(() => {
    if (name === null) nameInput.current?.focus();
  }, [tiles, name]);

  if (name !== null) {
    return (
      <PinPad
        name={name}
        onBack={() => {
          setName(null);
        }}
        onLoggedIn={onLoggedIn}
      />
    );
  }
  return (
    <main class="counter-login">
      <h1>{t.heading}</h1>
      {tiles && tiles.length > 0 && (
        <ul class="tiles" data-testid="login-tiles">
          {tiles.map((tile) => (
            <li key={tile.id}>
              <button
                type="button"
                class="tile"
                onClick={() => {
                  setName(tile.name);
                }}
              >
                {tile.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {tiles && (
        <form
          class="counter-login__other"
          onSubmit={(event) => {
            event.preventDefault();
            if (typedName.trim()) setName(typedName.trim());
          }}
        >
          <label for="counter-name">{tiles.length > 0 ? t.other : t.name}</label>
          <input
            id="counter-name"
            ref={nameInput}
            autocomplete="username"
            value={typedName}
            onInput={(event) => {
              setTypedName(event.currentTarget.value);
            }}
          />
          <button type="submit">{t.ok}</button>
        </form>
      )}
    </main>
  );
}

function PinPad({
  name,
  onBack,
  onLoggedIn,
}: {
  name: string;
  onBack: () => void;
  onLoggedIn: (staff: StaffMember) => void;
}) {
  const lang = useLang();
  const t = counterText[lang].login;
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ error: unknown } | null>(null);

  const press = (digit: string) => {
    setProblem(null);
    setPin((p) => (p.length < PIN_MAX ? p + digit : p));
  };
  const submit = async () => {
    if (!pin || busy) return;
    setBusy(true);
    try {
      onLoggedIn(await logIn(name, pin));
    } catch (error) {
      setProblem({ error });
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (/^\d$/.test(event.key)) press(event.key);
      else if (event.key === 'Backspace') setPin((p) => p.slice(0, -1));
      else if (event.key === 'Enter') void submit();
      else if (event.key === 'Escape') onBack();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  });

  return (
    <main class="counter-login">
      <h1 id="pin-heading">{t.pinFor(name)}</h1>
      <p class="pin-dots" aria-live="polite" data-testid="pin-dots">
        <span aria-hidden="true">{pin ? '●'.repeat(pin.length) : '–'}</span>
        <span class="visually-hidden">{t.pinDigits(pin.length)}</span>
      </p>
      {problem && (
        <p class="alert" role="alert">
          {loginProblem(problem.error, lang)}
        </p>
      )}
      <div class="pin-pad" role="group" aria-labelledby="pin-heading">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button
            key={d}
            type="button"
            onClick={() => {
              press(d);
            }}
          >
            {d}
          </button>
        ))}
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setPin('');
          }}
        >
          {t.clear}
        </button>
        <button
          type="button"
          onClick={() => {
            press('0');
          }}
        >
          0
        </button>
        <button
          type="button"
          class="secondary"
          aria-label={t.erase}
          onClick={() => {
            setPin((p) => p.slice(0, -1));
          }}
        >
          ⌫
        </button>
      </div>
      <div class="pin-actions">
        <button type="button" class="secondary" onClick={onBack}>
          {t.back}
        </button>
        <button type="button" class="pin-ok" disabled={busy || !pin} onClick={() => void submit()}>
          {busy ? t.busy : t.ok}
        </button>
      </div>
    </main>
  );
}
