// The state both the wizard and the settings page keep for the shop's settings: the form, the
// messages next to its inputs, and moving the focus to the input a message is about.

import { useState } from 'preact/hooks';
import type { ShopForm } from './form';
import { withoutError, type FieldErrors } from './inputs';

export interface ShopFormState {
  form: ShopForm;
  errors: FieldErrors;
  /**
   * A change from an input: its own message goes, the others stay until the next try. Without
   * an input (a zone or period removed, so the numbering moved) every message goes.
   */
  change: (form: ShopForm, inputId?: string) => void;
  setForm: (form: ShopForm) => void;
  setErrors: (errors: FieldErrors) => void;
}

export function useShopForm(initial: () => ShopForm): ShopFormState {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = (next: ShopForm, inputId?: string) => {
    setForm(next);
    if (inputId === undefined) {
      setErrors({});
    } else if (inputId in errors) {
      setErrors(withoutError(errors, inputId));
    }
  };
  return { form, errors, change, setForm, setErrors };
}

/**
 * Moves the focus to an input (or to the first control of a group, such as a weekday) once the
 * page shows it, and scrolls it into the middle of the screen.
 */
export function focusInput(inputId: string): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(inputId);
    if (!element) return;
    const target =
      element instanceof HTMLInputElement || element instanceof HTMLButtonElement
        ? element
        : element.querySelector<HTMLElement>('input, button, select, textarea');
    (target ?? element).focus({ preventScroll: true });
    element.scrollIntoView({ block: 'center' });
  });
}
