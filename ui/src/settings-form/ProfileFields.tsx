import { useLang } from '../i18n/preact';
import { TextField } from './Field';
import type { ShopForm } from './form';
import { inputIds, type FieldErrors } from './inputs';
import { formText } from './text';

export interface SectionProps {
  form: ShopForm;
  errors: FieldErrors;
  onChange: (form: ShopForm, inputId?: string) => void;
}

/** The shop's name, address, phone and VAT number. */
export function ProfileFields({ form, errors, onChange }: SectionProps) {
  const t = formText[useLang()].profile;
  return (
    <div class="form-section">
      <TextField
        id={inputIds.name}
        label={t.name}
        hint={t.nameHint}
        value={form.name}
        required
        autocomplete="organization"
        error={errors[inputIds.name]}
        onValue={(name) => {
          onChange({ ...form, name }, inputIds.name);
        }}
      />
      <TextField
        id={inputIds.address}
        label={t.address}
        hint={t.addressHint}
        value={form.address}
        autocomplete="street-address"
        error={errors[inputIds.address]}
        onValue={(address) => {
          onChange({ ...form, address }, inputIds.address);
        }}
      />
      <TextField
        id={inputIds.phone}
        label={t.phone}
        width="medium"
        type="tel"
        value={form.phone}
        autocomplete="tel"
        error={errors[inputIds.phone]}
        onValue={(phone) => {
          onChange({ ...form, phone }, inputIds.phone);
        }}
      />
      <TextField
        id={inputIds.vatNumber}
        label={t.vatNumber}
        hint={t.vatNumberHint}
        width="medium"
        value={form.vatNumber}
        autocapitalize="characters"
        spellcheck={false}
        error={errors[inputIds.vatNumber]}
        onValue={(vatNumber) => {
          onChange({ ...form, vatNumber }, inputIds.vatNumber);
        }}
      />
    </div>
  );
}
