import type { Weekday } from '../api/types';
import { CheckField, FieldError } from './Field';
import {
  addPeriod,
  removePeriod,
  setDayOpen,
  setPeriod,
  WEEKDAY_NAMES,
  type DayForm,
  type PeriodForm,
} from './form';
import { errorId, inputIds } from './inputs';
import type { SectionProps } from './ProfileFields';

/** Opening hours per weekday: open or closed, and one or more periods (lunch and dinner). */
export function HoursFields({ form, errors, onChange }: SectionProps) {
  return (
    <div class="form-section hours" id={inputIds.hours} tabIndex={-1}>
      <p class="form-section__intro">
        Klanten kunnen bestellen binnen deze tijden. Sluit u om middernacht, schrijf dan 24:00. Een
        dag met een middag- en een avondopening krijgt twee tijdvakken.
      </p>
      <FieldError inputId={inputIds.hours} message={errors[inputIds.hours]} />
      {form.days.map((day) => (
        <DayFields key={day.weekday} day={day} form={form} errors={errors} onChange={onChange} />
      ))}
    </div>
  );
}

function DayFields({ day, form, errors, onChange }: SectionProps & { day: DayForm }) {
  const { weekday } = day;
  const name = WEEKDAY_NAMES[weekday];
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
                Open<span class="visually-hidden"> op {name}</span>
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
              aria-label={`Tijdvak toevoegen op ${name}`}
              onClick={() => {
                onChange(addPeriod(form, weekday), dayId);
              }}
            >
              + Tijdvak
            </button>
          </div>
        ) : (
          <p class="day__closed">Gesloten</p>
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
  const name = WEEKDAY_NAMES[weekday];
  const which = count > 1 ? `, tijdvak ${index + 1}` : '';
  const parts = [
    { part: 'open', id: inputIds.periodOpen(weekday, index), word: 'van', placeholder: '16:00' },
    { part: 'close', id: inputIds.periodClose(weekday, index), word: 'tot', placeholder: '22:00' },
  ] as const;
  return (
    <div class="period">
      <div class="period__times">
        {parts.map(({ part, id, word, placeholder }) => (
          <span class="period__time" key={part}>
            <label for={id}>
              {word}
              <span class="visually-hidden">
                {' '}
                ({name}
                {which})
              </span>
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
            aria-label={`Tijdvak ${index + 1} op ${name} verwijderen`}
            onClick={() => {
              onChange(removePeriod(form, weekday, index));
            }}
          >
            Verwijderen
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
