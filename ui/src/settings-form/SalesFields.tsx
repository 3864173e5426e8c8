import { useLang } from '../i18n/preact';
import { CheckField, FieldError, TextField } from './Field';
import { addZone, removeZone, setDelivery, setZone, type ZoneForm } from './form';
import { errorId, inputIds } from './inputs';
import type { SectionProps } from './ProfileFields';
import { formText } from './text';

/** Pickup, delivery, the kitchen's prep time, and the delivery zones. */
export function SalesFields({ form, errors, onChange }: SectionProps) {
  const t = formText[useLang()].sales;
  const fulfilmentError = errors[inputIds.fulfilment];
  const zonesError = errors[inputIds.zones];
  return (
    <div class="form-section">
      <fieldset
        class="choices"
        id={inputIds.fulfilment}
        aria-describedby={fulfilmentError ? errorId(inputIds.fulfilment) : undefined}
      >
        <legend>{t.how}</legend>
        <CheckField
          id="fulfilment-pickup"
          label={t.pickup}
          checked={form.pickup}
          onChecked={(pickup) => {
            onChange({ ...form, pickup }, inputIds.fulfilment);
          }}
        />
        <CheckField
          id="fulfilment-delivery"
          label={t.delivery}
          checked={form.delivery}
          onChecked={(delivery) => {
            onChange(setDelivery(form, delivery), inputIds.fulfilment);
          }}
        />
        <FieldError inputId={inputIds.fulfilment} message={fulfilmentError} />
      </fieldset>
      <TextField
        id={inputIds.prepTime}
        label={t.prepTime}
        hint={t.prepTimeHint}
        width="narrow"
        inputMode="numeric"
        value={form.prepTime}
        error={errors[inputIds.prepTime]}
        onValue={(prepTime) => {
          onChange({ ...form, prepTime }, inputIds.prepTime);
        }}
      />
      {(form.delivery || form.zones.length > 0) && (
        <fieldset
          class="zones"
          id={inputIds.zones}
          aria-describedby={zonesError ? errorId(inputIds.zones) : undefined}
        >
          <legend>{t.zones}</legend>
          <p class="form-section__intro">
            {t.zonesIntro}
            {!form.delivery && t.zonesKept}
          </p>
          <FieldError inputId={inputIds.zones} message={zonesError} />
          {form.zones.map((zone, index) => (
            <ZoneFields
              key={zone.id}
              zone={zone}
              index={index}
              form={form}
              errors={errors}
              onChange={onChange}
            />
          ))}
          <button
            type="button"
            class="secondary"
            onClick={() => {
              onChange(addZone(form), inputIds.zones);
            }}
          >
            {t.addZone}
          </button>
        </fieldset>
      )}
    </div>
  );
}

function ZoneFields({
  zone,
  index,
  form,
  errors,
  onChange,
}: SectionProps & { zone: ZoneForm; index: number }) {
  const t = formText[useLang()].sales;
  const zoneId = inputIds.zone(index);
  const zoneError = errors[zoneId];
  const title = zone.name.trim() || t.zoneTitle(index + 1);
  const edit = (change: Partial<ZoneForm>, inputId: string) => {
    onChange(setZone(form, index, change), inputId);
  };
  return (
    <fieldset
      class="zone"
      id={zoneId}
      aria-describedby={zoneError ? errorId(zoneId) : undefined}
      data-testid={zoneId}
    >
      <legend>{title}</legend>
      <div class="zone__row zone__row--where">
        <TextField
          id={inputIds.zoneName(index)}
          label={t.zoneName}
          width="medium"
          value={zone.name}
          placeholder={t.zoneNamePlaceholder}
          error={errors[inputIds.zoneName(index)]}
          onValue={(name) => {
            edit({ name }, inputIds.zoneName(index));
          }}
        />
        <TextField
          id={inputIds.zonePostcodes(index)}
          label={t.postcodes}
          hint={t.postcodesHint}
          value={zone.postcodes}
          inputMode="numeric"
          spellcheck={false}
          error={errors[inputIds.zonePostcodes(index)]}
          onValue={(postcodes) => {
            edit({ postcodes }, inputIds.zonePostcodes(index));
          }}
        />
      </div>
      <div class="zone__row zone__row--amounts">
        <TextField
          id={inputIds.zoneFee(index)}
          label={t.fee}
          width="narrow"
          value={zone.fee}
          placeholder="0,00"
          inputMode="decimal"
          error={errors[inputIds.zoneFee(index)]}
          onValue={(fee) => {
            edit({ fee }, inputIds.zoneFee(index));
          }}
        />
        <TextField
          id={inputIds.zoneMinimum(index)}
          label={t.minimum}
          width="narrow"
          value={zone.minimum}
          placeholder="0,00"
          inputMode="decimal"
          error={errors[inputIds.zoneMinimum(index)]}
          onValue={(minimum) => {
            edit({ minimum }, inputIds.zoneMinimum(index));
          }}
        />
        <TextField
          id={inputIds.zoneExtraMinutes(index)}
          label={t.extraMinutes}
          width="narrow"
          value={zone.extraMinutes}
          placeholder="0"
          inputMode="numeric"
          error={errors[inputIds.zoneExtraMinutes(index)]}
          onValue={(extraMinutes) => {
            edit({ extraMinutes }, inputIds.zoneExtraMinutes(index));
          }}
        />
      </div>
      <FieldError inputId={zoneId} message={zoneError} />
      <button
        type="button"
        class="secondary small"
        onClick={() => {
          onChange(removeZone(form, index));
        }}
      >
        {t.removeZone(title)}
      </button>
    </fieldset>
  );
}
