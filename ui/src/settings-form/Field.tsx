import type { ComponentChildren } from 'preact';
import type { LocalText } from '../i18n/messages';
import { useLang } from '../i18n/preact';
import { errorId } from './inputs';

/** The message under an input or a group; its id is what the input's aria-describedby names. */
export function FieldError({
  inputId,
  message,
}: {
  inputId: string;
  message: LocalText | undefined;
}) {
  const lang = useLang();
  if (!message) return null;
  return (
    <p class="field__error" id={errorId(inputId)} data-testid={errorId(inputId)}>
      <span aria-hidden="true">✕ </span>
      {message(lang)}
    </p>
  );
}

/** The ids an input's aria-describedby lists: its hint and its error, when there are any. */
export function describedBy(
  inputId: string,
  hint: boolean,
  error: LocalText | undefined,
): string | undefined {
  const ids = [hint ? `${inputId}-hint` : null, error ? errorId(inputId) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export interface TextFieldProps {
  id: string;
  label: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
  hint?: ComponentChildren;
  error?: LocalText | undefined;
  /** How wide the field is: a name, a phone number, or minutes and euros. */
  width?: 'narrow' | 'medium' | 'wide';
  type?: 'text' | 'tel' | 'password';
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel';
  autocomplete?: string;
  autocapitalize?: 'off' | 'characters' | 'words' | 'sentences';
  spellcheck?: boolean;
  placeholder?: string;
  required?: boolean;
  /** A class on the input itself. */
  inputClass?: string;
}

/** A labelled text input with its hint and its error message next to it. */
export function TextField({
  id,
  label,
  value,
  onValue,
  hint,
  error,
  width = 'wide',
  type = 'text',
  inputClass,
  ...input
}: TextFieldProps) {
  return (
    <div class={`field field--${width}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        {...input}
        id={id}
        // Preact types each input type on its own, so tsc rejects the union with the spread above;
        // typescript-eslint disagrees. The three types used here share every attribute.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        type={type as 'text'}
        class={inputClass}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        onInput={(event) => {
          onValue(event.currentTarget.value);
        }}
      />
      <FieldError inputId={id} message={error} />
    </div>
  );
}

/** A checkbox with its label as one 48 px tall target. */
export function CheckField({
  id,
  label,
  checked,
  onChecked,
  describedBy: described,
}: {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  describedBy?: string | undefined;
}) {
  return (
    <label class="check" for={id}>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        aria-describedby={described}
        onChange={(event) => {
          onChecked(event.currentTarget.checked);
        }}
      />
      <span>{label}</span>
    </label>
  );
}
