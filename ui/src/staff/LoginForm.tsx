import { useState } from 'preact/hooks';
import type { StaffMember } from '../api/types';
import { logIn } from '../api/session';
import { loginProblem } from './session';

export function LoginForm({ onLoggedIn }: { onLoggedIn: (staff: StaffMember) => void }) {
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onLoggedIn(await logIn(name.trim(), pin));
    } catch (error) {
      setProblem(loginProblem(error));
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <h1>Inloggen</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label for="login-name">Naam</label>
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
        <label for="login-pin">Pincode</label>
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
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Bezig…' : 'Inloggen'}
        </button>
      </form>
    </main>
  );
}
