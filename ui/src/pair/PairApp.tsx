import { useEffect, useState } from 'preact/hooks';
import { pairThisDevice } from '../api/devices';
import { TextField } from '../settings-form/Field';
import { pageAfterPairing, pairingCodeFromPath, pairProblem, type PairProblem } from './pairing';

/**
 * `/pair/{code}`: "Dit scherm koppelen". With `?name=Keuken` it pairs at once (the desktop app's
 * own kitchen window opens it that way); otherwise it asks for the screen's name first.
 */
export function PairApp() {
  const params = new URLSearchParams(window.location.search);
  const givenName = params.get('name')?.trim() ?? '';
  const [code, setCode] = useState(() => pairingCodeFromPath(window.location.pathname));
  const [name, setName] = useState(givenName || 'Keuken');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PairProblem | null>(null);

  const pair = async (pairCode: string, deviceName: string) => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await pairThisDevice(pairCode.trim().toUpperCase(), deviceName.trim());
      window.location.replace(pageAfterPairing(answer.staff.role));
    } catch (error) {
      setProblem(pairProblem(error));
      setBusy(false);
    }
  };

  useEffect(() => {
    if (givenName && code) void pair(code, givenName);
    // Once, on load: the link carried everything.
  }, []);

  const codeError = problem?.inputId === 'pair-code' ? problem.text : undefined;
  const nameError = problem?.inputId === 'pair-name' ? problem.text : undefined;
  return (
    <>
      <header class="pagebar">
        <p class="pagebar__brand">Forno</p>
      </header>
      <main class="page pair">
        <h1>Dit scherm koppelen</h1>
        <p class="page__intro">
          Na het koppelen toont dit scherm de bestellingen van de zaak, ook na opnieuw opstarten. Er
          is geen pincode nodig.
        </p>
        {busy && (
          <p class="note" role="status">
            Dit scherm wordt gekoppeld…
          </p>
        )}
        {problem && !problem.inputId && (
          <p class="alert" role="alert">
            {problem.text}
          </p>
        )}
        <form
          class="form-section"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void pair(code, name);
          }}
        >
          <TextField
            id="pair-code"
            label="Koppelcode"
            hint="Staat onder de QR-code op de kassa."
            width="medium"
            inputClass="pair__code"
            value={code}
            autocapitalize="characters"
            autocomplete="off"
            spellcheck={false}
            required
            error={codeError}
            onValue={setCode}
          />
          {problem?.detail && (
            <p class="pair__detail" data-testid="pair-detail">
              De kassa zegt: “{problem.detail}”
            </p>
          )}
          <TextField
            id="pair-name"
            label="Naam van dit scherm"
            hint="Zo staat het scherm bij Instellingen, bijvoorbeeld Keuken of Keuken boven."
            width="medium"
            value={name}
            required
            error={nameError}
            onValue={setName}
          />
          <p>
            <button type="submit" disabled={busy}>
              {busy ? 'Bezig met koppelen…' : 'Koppelen'}
            </button>
          </p>
        </form>
      </main>
    </>
  );
}
