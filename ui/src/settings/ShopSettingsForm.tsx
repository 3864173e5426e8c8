import { useState } from 'preact/hooks';
import { saveSettings } from '../api/shop-settings';
import type { SettingsDto } from '../api/types';
import { formFromSettings, settingsFromForm } from '../settings-form/form';
import { HoursFields } from '../settings-form/HoursFields';
import type { FieldErrors } from '../settings-form/inputs';
import { problemOfError } from '../settings-form/problems';
import { ProfileFields } from '../settings-form/ProfileFields';
import { SalesFields } from '../settings-form/SalesFields';
import { focusInput, useShopForm } from '../settings-form/use-shop-form';
import { saveProblem, savedText } from './settings-text';

type Outcome = { kind: 'saved'; text: string } | { kind: 'problem'; text: string } | null;

/** The shop's settings in one page with one "Opslaan"; `paused` goes back as it was loaded. */
export function ShopSettingsForm({ loaded }: { loaded: SettingsDto }) {
  const shop = useShopForm(() => formFromSettings(loaded));
  const { form, errors, setErrors } = shop;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const showErrors = (found: FieldErrors, focus?: string) => {
    setErrors(found);
    const count = Object.keys(found).length;
    setOutcome({
      kind: 'problem',
      text:
        count === 1
          ? 'Niet opgeslagen: één veld moet nog anders; zie de melding bij dat veld.'
          : `Niet opgeslagen: ${count} velden moeten nog anders; zie de meldingen bij die velden.`,
    });
    const first = focus ?? Object.keys(found)[0];
    if (first) focusInput(first);
  };

  const save = async () => {
    setOutcome(null);
    const converted = settingsFromForm(form);
    if (!converted.ok) {
      showErrors(converted.errors);
      return;
    }
    setBusy(true);
    try {
      const saved = await saveSettings(converted.settings);
      shop.setForm(formFromSettings(saved));
      setErrors({});
      setOutcome({ kind: 'saved', text: savedText(new Date()) });
    } catch (error) {
      const placed = problemOfError(error, form);
      if (placed) showErrors({ [placed.inputId]: placed.message }, placed.inputId);
      else setOutcome({ kind: 'problem', text: saveProblem(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <section class="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Uw zaak</h2>
        <ProfileFields form={form} errors={errors} onChange={shop.change} />
      </section>
      <section class="panel" aria-labelledby="hours-heading">
        <h2 id="hours-heading">Openingstijden</h2>
        <HoursFields form={form} errors={errors} onChange={shop.change} />
      </section>
      <section class="panel" aria-labelledby="sales-heading">
        <h2 id="sales-heading">Afhalen en bezorgen</h2>
        <SalesFields form={form} errors={errors} onChange={shop.change} />
      </section>
      <div class="savebar">
        <button type="submit" disabled={busy}>
          {busy ? 'Opslaan…' : 'Opslaan'}
        </button>
        <p
          class={
            outcome?.kind === 'problem' ? 'savebar__text savebar__text--problem' : 'savebar__text'
          }
          role={outcome?.kind === 'problem' ? 'alert' : 'status'}
          data-testid="save-outcome"
        >
          {outcome && <span aria-hidden="true">{outcome.kind === 'saved' ? '✓ ' : '✕ '}</span>}
          {outcome?.text}
        </p>
      </div>
    </form>
  );
}
