import { useText } from '../i18n/preact';
import { TextField } from '../settings-form/Field';
import { inputIds, type FieldErrors } from '../settings-form/inputs';
import type { OwnerForm } from './steps';
import { setupText } from './text';

/** The owner's name and PIN (twice): with these the owner logs in at the counter. */
export function OwnerFields({
  owner,
  errors,
  onChange,
}: {
  owner: OwnerForm;
  errors: FieldErrors;
  onChange: (owner: OwnerForm, inputId: string) => void;
}) {
  const t = useText(setupText).owner;
  return (
    <div class="form-section">
      <p class="form-section__intro">{t.intro}</p>
      <TextField
        id={inputIds.ownerName}
        label={t.name}
        width="medium"
        value={owner.name}
        autocomplete="username"
        required
        error={errors[inputIds.ownerName]}
        onValue={(name) => {
          onChange({ ...owner, name }, inputIds.ownerName);
        }}
      />
      <TextField
        id={inputIds.ownerPin}
        label={t.pin}
        hint={t.pinHint}
        width="narrow"
        type="password"
        inputMode="numeric"
        autocomplete="new-password"
        value={owner.pin}
        required
        error={errors[inputIds.ownerPin]}
        onValue={(pin) => {
          onChange({ ...owner, pin }, inputIds.ownerPin);
        }}
      />
      <TextField
        id={inputIds.ownerPinAgain}
        label={t.pinAgain}
        width="narrow"
        type="password"
        inputMode="numeric"
        autocomplete="new-password"
        value={owner.pinAgain}
        required
        error={errors[inputIds.ownerPinAgain]}
        onValue={(pinAgain) => {
          onChange({ ...owner, pinAgain }, inputIds.ownerPinAgain);
        }}
      />
    </div>
  );
}
