// Every sentence of the landing page (`/`), until the ordering page takes its place.

import { messages } from '../i18n/messages';

export const homeText = messages({
  nl: {
    tagline: 'Het kassasysteem van deze pizzeria.',
    toStaff: 'Naar de bestellingen (personeel)',
    track: 'Heb je besteld? Open de link uit je bevestiging om je bestelling te volgen.',
  },
  en: {
    tagline: 'The point of sale of this pizzeria.',
    toStaff: 'To the orders (staff)',
    track: 'Have you ordered? Open the link in your confirmation to follow your order.',
  },
});
