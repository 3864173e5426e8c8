import { TextField } from './Field';
import type { ShopForm } from './form';
import { inputIds, type FieldErrors } from './inputs';

export interface SectionProps {
  form: ShopForm;
  errors: FieldErrors;
  onChange: (form: ShopForm, inputId?: string) => void;
}

/** The shop's name, address, phone and VAT number. */
export function ProfileFields({ form, errors, onChange }: SectionProps) {
  return (
    <div class="form-section">
      <TextField
        id={inputIds.name}
        label="Naam van de zaak"
        hint="Zo heet uw zaak op de bestelpagina en op de bonnen."
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
        label="Adres"
        hint="Straat, huisnummer en plaats. Klanten zien het bij afhalen."
        value={form.address}
        autocomplete="street-address"
        error={errors[inputIds.address]}
        onValue={(address) => {
          onChange({ ...form, address }, inputIds.address);
        }}
      />
      <TextField
        id={inputIds.phone}
        label="Telefoonnummer"
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
        label="Btw-nummer (mag leeg blijven)"
        hint="Bijvoorbeeld NL123456789B01. Het staat op de bonnen."
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
