import { useEffect, useRef, useState } from 'preact/hooks';
import { completeSetup } from '../api/shop-settings';
import type { SetupStatus, SettingsDto } from '../api/types';
import { formFromSettings, settingsFromForm } from '../settings-form/form';
import { HoursFields } from '../settings-form/HoursFields';
import {
  firstSectionWithError,
  withoutError,
  type FieldErrors,
  type Section,
} from '../settings-form/inputs';
import { problemOfError } from '../settings-form/problems';
import { ProfileFields } from '../settings-form/ProfileFields';
import { SalesFields } from '../settings-form/SalesFields';
import { focusInput, useShopForm } from '../settings-form/use-shop-form';
import { useLang } from '../i18n/preact';
import { DoneStep } from './DoneStep';
import { OwnerFields } from './OwnerFields';
import { StepIndicator } from './StepIndicator';
import { errorsInStep, ownerErrors, setupProblem, stepTitle, STEPS, type OwnerForm } from './steps';
import { setupText } from './text';

/** The four steps, then "Klaar". Nothing is saved before the last step: one POST does it all. */
export function SetupWizard({ status, start }: { status: SetupStatus; start: SettingsDto }) {
  const shop = useShopForm(() => formFromSettings(start));
  const { form, errors, setErrors } = shop;
  const [step, setStep] = useState<Section>('profile');
  const [owner, setOwner] = useState<OwnerForm>({ name: '', pin: '', pinAgain: '' });
  /** Why finishing failed (naming no field), worded when shown. */
  const [problem, setProblem] = useState<{ error: unknown } | null>(null);
  const lang = useLang();
  const t = setupText[lang];
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  /** The input to focus once the step it is on shows (after a message sent us back there). */
  const focusAfterMove = useRef<string | null>(null);

  useEffect(() => {
    // A new step is announced by moving the focus to its title (not on the first load), or to
    // the input whose message brought us here.
    if (focusAfterMove.current) focusInput(focusAfterMove.current);
    else if (moved.current) heading.current?.focus();
    focusAfterMove.current = null;
    moved.current = true;
  }, [step]);

  /** Shows messages, on the step of the first one, and puts the focus there. */
  const showErrors = (found: FieldErrors, focus?: string) => {
    setErrors(found);
    const first = firstSectionWithError(found, STEPS);
    if (!first) return;
    const target = focus ?? Object.keys(errorsInStep(found, first))[0] ?? '';
    if (first === step) {
      focusInput(target);
    } else {
      focusAfterMove.current = target;
      setStep(first);
    }
  };

  const next = () => {
    setProblem(null);
    const converted = settingsFromForm(form);
    const here = converted.ok ? {} : errorsInStep(converted.errors, step);
    if (Object.keys(here).length > 0) {
      showErrors(here);
      return;
    }
    setErrors({});
    const following = STEPS[STEPS.indexOf(step) + 1];
    if (following) setStep(following);
  };

  const finish = async () => {
    setProblem(null);
    const converted = settingsFromForm(form);
    if (!converted.ok) {
      showErrors(converted.errors);
      return;
    }
    const mismatch = ownerErrors(owner);
    if (Object.keys(mismatch).length > 0) {
      setOwner({ ...owner, pinAgain: '' });
      showErrors(mismatch);
      return;
    }
    setBusy(true);
    try {
      await completeSetup(converted.settings, { name: owner.name.trim(), pin: owner.pin });
      setErrors({});
      setDone(true);
    } catch (error) {
      const placed = problemOfError(error, form);
      if (placed) {
        showErrors({ [placed.inputId]: placed.message }, placed.inputId);
      } else {
        setProblem({ error });
      }
    } finally {
      setBusy(false);
    }
  };

  if (done) return <DoneStep shopName={form.name.trim()} orderingUrl={status.ordering_url} />;

  const index = STEPS.indexOf(step);
  const last = index === STEPS.length - 1;
  const stepErrors = Object.keys(errorsInStep(errors, step)).length;
  const worded = problem && setupProblem(problem.error, status.setup_url, lang);
  return (
    <form
      class="wizard"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (last) void finish();
        else next();
      }}
    >
      <p class="page__intro">{t.intro}</p>
      <StepIndicator step={step} />
      <h2 ref={heading} tabIndex={-1} data-testid="step-title">
        {stepTitle(step, lang)}
      </h2>
      {stepErrors > 0 && (
        <p class="alert" role="alert">
          {t.fieldsToFix(stepErrors)}
        </p>
      )}
      {step === 'profile' && <ProfileFields form={form} errors={errors} onChange={shop.change} />}
      {step === 'hours' && <HoursFields form={form} errors={errors} onChange={shop.change} />}
      {step === 'sales' && <SalesFields form={form} errors={errors} onChange={shop.change} />}
      {step === 'owner' && (
        <OwnerFields
          owner={owner}
          errors={errors}
          onChange={(changed, inputId) => {
            setOwner(changed);
            if (inputId in errors) setErrors(withoutError(errors, inputId));
          }}
        />
      )}
      {worded && (
        <div class="alert" role="alert">
          <p>{worded.text}</p>
          {worded.link && (
            <p>
              <a href={worded.link.href}>{worded.link.label}</a>
            </p>
          )}
        </div>
      )}
      <div class="wizard__nav">
        {index > 0 && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setProblem(null);
              const previous = STEPS[index - 1];
              if (previous) setStep(previous);
            }}
          >
            {t.previous}
          </button>
        )}
        <button type="submit" disabled={busy}>
          {last ? (busy ? t.finishing : t.finish) : t.next}
        </button>
      </div>
    </form>
  );
}
