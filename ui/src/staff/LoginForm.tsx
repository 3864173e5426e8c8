import { useState } from 'preact/hooks';
import type { StaffMember } from '../api/types';
import { logIn } from '../api/session';
import { useLang } from '../i18n/preact';
import { loginProblem } from './session';
import { staffText } from './text';

export function LoginForm({ onLoggedIn }: { onLoggedIn: (staff: StaffMember) => void }) {
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  /** Why the last try failed, worded when shown (in the language the page has then). */
  const [problem, setProblem] = useState<{ error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const lang = useLang();
  const t = staffText[lang].login;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onLoggedIn(await logIn(name.trim(), pin));
    } catch (error) {
      setProblem({ error });
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <h1>{t.title}</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label for="login-name">{t.name}</label>
        <input
          id="login-name"
          name="name"
          autocomplete="username"
          required
          value={name}
          onInput={(event) => {
            setName(event.currentTarget.value);
          }}
        />
        <label for="login-pin">{t.pin}</label>
        <input
          id="login-pin"
          name="pin"
          type="password"
          inputMode="numeric"
          autocomplete="current-password"
          pattern="[0-9]*"
          required
          value={pin}
          onInput={(event) => {
            setPin(event.currentTarget.value);
          }}
        />
        {problem && (
          <p class="alert" role="alert">
            {loginProblem(problem.error, lang)}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t.busy : t.submit}
        </button>
      </form>
    </main>
  );
}
