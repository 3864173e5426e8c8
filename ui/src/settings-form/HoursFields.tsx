import type { Weekday } from '../api/types';
import { useLang } from '../i18n/preact';
import { CheckField, FieldError } from './Field';
import {
  addPeriod,
  removePeriod,
  setDayOpen,
  setPeriod,
  weekdayName,
  type DayForm,
  type PeriodForm,
} from './form';
import { errorId, inputIds } from './inputs';
import type { SectionProps } from './ProfileFields';
import { formText } from './text';

/** Opening hours per weekday: open or closed, and one or more periods (lunch and dinner). */
export function HoursFields({ form, errors, onChange }: SectionProps) {
  const t = formText[useLang()].hours;
  return (
    <div class="form-section hours" id={inputIds.hours} tabIndex={-1}>
      <p class="form-section__intro">{t.intro}</p>
      <FieldError inputId={inputIds.hours} message={errors[inputIds.hours]} />
      {form.days.map((day) => (
        <DayFields key={day.weekday} day={day} form={form} errors={errors} onChange={onChange} />
      ))}
    </div>
  );
}

function DayFields({ day, form, errors, onChange }: SectionProps & { day: DayForm }) {
  const { weekday } = day;
  const lang = useLang();
  const t = formText[lang].hours;
  const name = weekdayName(weekday, lang);
  const dayId = inputIds.day(weekday);
  const dayError = errors[dayId];
  return (
    <fieldset
      class={dayError ? 'day day--invalid' : 'day'}
      id={dayId}
      aria-describedby={dayError ? errorId(dayId) : undefined}
      data-testid={dayId}
    >
      <legend class="day__name">{capitalise(name)}</legend>
      <div class="day__body">
        <div class="day__state">
          <CheckField
            id={`${dayId}-open`}
            label={
              <>
                {t.open}
                <span class="visually-hidden">{t.openOn(name)}</span>
              </>
            }
            checked={day.open}
            onChecked={(open) => {
              onChange(setDayOpen(form, weekday, open), dayId);
            }}
          />
        </div>
        {day.open ? (
          <div class="day__periods">
            {day.periods.map((period, index) => (
              <PeriodFields
                key={index}
                weekday={weekday}
                index={index}
                count={day.periods.length}
                period={period}
                form={form}
                errors={errors}
                onChange={onChange}
              />
            ))}
            <button
              type="button"
              class="secondary small"
              aria-label={t.addPeriodOn(name)}
              onClick={() => {
                onChange(addPeriod(form, weekday), dayId);
              }}
            >
              {t.addPeriod}
            </button>
          </div>
        ) : (
          <p class="day__closed">{t.closed}</p>
        )}
        <FieldError inputId={dayId} message={dayError} />
      </div>
    </fieldset>
  );
}

/** "van 16:00 tot 22:00" on one line; the labels name the day for screen readers. */
function PeriodFields({
  weekday,
  index,
  count,
  period,
  form,
  errors,
  onChange,
}: SectionProps & { weekday: Weekday; index: number; count: number; period: PeriodForm }) {
  const lang = useLang();
  const t = formText[lang].hours;
  const name = weekdayName(weekday, lang);
  const which = t.which(name, count > 1 ? index + 1 : null);
  const parts = [
    { part: 'open', id: inputIds.periodOpen(weekday, index), word: t.from, placeholder: '16:00' },
    { part: 'close', id: inputIds.periodClose(weekday, index), word: t.until, placeholder: '22:00' },
  ] as const;
  return (
    <div class="period">
      <div class="period__times">
        {parts.map(({ part, id, word, placeholder }) => (
          <span class="period__time" key={part}>
            <label for={id}>
              {word}
              <span class="visually-hidden">{which}</span>
            </label>
            <input
              id={id}
              value={period[part]}
              placeholder={placeholder}
              inputMode="numeric"
              autocomplete="off"
              size={5}
              aria-invalid={errors[id] ? 'true' : undefined}
              aria-describedby={errors[id] ? errorId(id) : undefined}
              onInput={(event) => {
                onChange(setPeriod(form, weekday, index, part, event.currentTarget.value), id);
              }}
            />
          </span>
        ))}
        {count > 1 && (
          <button
            type="button"
            class="secondary small"
            aria-label={t.removePeriod(index + 1, name)}
            onClick={() => {
              onChange(removePeriod(form, weekday, index));
            }}
          >
            {t.remove}
          </button>
        )}
      </div>
      {parts.map(({ id }) => (
        <FieldError key={id} inputId={id} message={errors[id]} />
      ))}
    </div>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
