import { useEffect, useState } from 'preact/hooks';
import { pairThisDevice } from '../api/devices';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { pageLang } from '../i18n/lang';
import { useLang, useTitle } from '../i18n/preact';
import { TextField } from '../settings-form/Field';
import { pageAfterPairing, pairingCodeFromPath, pairProblem } from './pairing';
import { pairText } from './text';

/**
 * `/pair/{code}`: "Dit scherm koppelen". With `?name=Keuken` it pairs at once (the desktop app's
 * own kitchen window opens it that way); otherwise it asks for the screen's name first.
 */
export function PairApp() {
  const params = new URLSearchParams(window.location.search);
  const givenName = params.get('name')?.trim() ?? '';
  const [code, setCode] = useState(() => pairingCodeFromPath(window.location.pathname));
  const [name, setName] = useState(() => givenName || pairText[pageLang().current].defaultName);
  const [busy, setBusy] = useState(false);
  /** Why pairing failed, worded when shown (in the language the page has then). */
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const lang = useLang();
  const t = pairText[lang];
  useTitle(`${t.title} · Forno`);
  const problem = failure && pairProblem(failure.error, lang);

  const pair = async (pairCode: string, deviceName: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await pairThisDevice(pairCode.trim().toUpperCase(), deviceName.trim());
      window.location.replace(pageAfterPairing(answer.staff.role));
    } catch (error) {
      setFailure({ error });
      setBusy(false);
    }
  };

  useEffect(() => {
    if (givenName && code) void pair(code, givenName);
    // Once, on load: the link carried everything.
  }, []);

  // The text is worded above in the page's language; the inputs take it as it is.
  const codeError = problem?.inputId === 'pair-code' ? () => problem.text : undefined;
  const nameError = problem?.inputId === 'pair-name' ? () => problem.text : undefined;
  return (
    <>
      <header class="pagebar">
        <p class="pagebar__brand">Forno</p>
        <div class="pagebar__end">
          <LanguageSwitch />
        </div>
      </header>
      <main class="page pair">
        <h1>{t.title}</h1>
        <p class="page__intro">{t.intro}</p>
        {busy && (
          <p class="note" role="status">
            {t.pairing}
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
            label={t.code}
            hint={t.codeHint}
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
              {t.counterSays} <span lang={problem.detail.lang}>“{problem.detail.text}”</span>
            </p>
          )}
          <TextField
            id="pair-name"
            label={t.name}
            hint={t.nameHint}
            width="medium"
            value={name}
            required
            error={nameError}
            onValue={setName}
          />
          <p>
            <button type="submit" disabled={busy}>
              {busy ? t.busy : t.submit}
            </button>
          </p>
        </form>
      </main>
    </>
  );
}
