import { TextField } from '../settings-form/Field';
import { inputIds, type FieldErrors } from '../settings-form/inputs';
import type { OwnerForm } from './steps';

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
  return (
    <div class="form-section">
      <p class="form-section__intro">
        Als eigenaar logt u hiermee in bij de kassa. U kunt daarna medewerkers en schermen
        toevoegen.
      </p>
      <TextField
        id={inputIds.ownerName}
        label="Uw naam"
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
        label="Pincode"
        hint="4 tot 8 cijfers. Niet iets wat iedereen probeert, zoals 1111 of 1234."
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
        label="Pincode nog een keer"
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
