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
import { useLang } from '../i18n/preact';
import { saveProblem, savedText } from './settings-text';
import { settingsText } from './text';

/** How the last save went, worded when shown (in the language the page has then). */
type Outcome =
  | { kind: 'saved'; at: Date }
  | { kind: 'fields'; count: number }
  | { kind: 'problem'; error: unknown }
  | null;

/** The shop's settings in one page with one "Opslaan"; `paused` goes back as it was loaded. */
export function ShopSettingsForm({ loaded }: { loaded: SettingsDto }) {
  const shop = useShopForm(() => formFromSettings(loaded));
  const { form, errors, setErrors } = shop;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const lang = useLang();
  const t = settingsText[lang];

  const showErrors = (found: FieldErrors, focus?: string) => {
    setErrors(found);
    setOutcome({ kind: 'fields', count: Object.keys(found).length });
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
      setOutcome({ kind: 'saved', at: new Date() });
    } catch (error) {
      const placed = problemOfError(error, form);
      if (placed) showErrors({ [placed.inputId]: placed.message }, placed.inputId);
      else setOutcome({ kind: 'problem', error });
    } finally {
      setBusy(false);
    }
  };

  const failed = outcome !== null && outcome.kind !== 'saved';
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
        <h2 id="profile-heading">{t.sections.profile}</h2>
        <ProfileFields form={form} errors={errors} onChange={shop.change} />
      </section>
      <section class="panel" aria-labelledby="hours-heading">
        <h2 id="hours-heading">{t.sections.hours}</h2>
        <HoursFields form={form} errors={errors} onChange={shop.change} />
      </section>
      <section class="panel" aria-labelledby="sales-heading">
        <h2 id="sales-heading">{t.sections.sales}</h2>
        <SalesFields form={form} errors={errors} onChange={shop.change} />
      </section>
      <div class="savebar">
        <button type="submit" disabled={busy}>
          {busy ? t.saving : t.save}
        </button>
        <p
          class={failed ? 'savebar__text savebar__text--problem' : 'savebar__text'}
          role={failed ? 'alert' : 'status'}
          data-testid="save-outcome"
        >
          {outcome && <span aria-hidden="true">{failed ? '✕ ' : '✓ '}</span>}
          {outcome?.kind === 'saved' && savedText(outcome.at, lang)}
          {outcome?.kind === 'fields' && t.fieldsToFix(outcome.count)}
          {outcome?.kind === 'problem' && saveProblem(outcome.error, lang)}
        </p>
      </div>
    </form>
  );
}
