// Every sentence of the pairing page (`/pair/{code}`).

import { messages } from '../i18n/messages';

export const pairText = messages({
  nl: {
    title: 'Dit scherm koppelen',
    intro:
      'Na het koppelen toont dit scherm de bestellingen van de zaak, ook na opnieuw opstarten. Er is geen pincode nodig.',
    pairing: 'Dit scherm wordt gekoppeld…',
    code: 'Koppelcode',
    codeHint: 'Staat onder de QR-code op de kassa.',
    counterSays: 'De kassa zegt:',
    name: 'Naam van dit scherm',
    nameHint: 'Zo staat het scherm bij Instellingen, bijvoorbeeld Keuken of Keuken boven.',
    defaultName: 'Keuken',
    submit: 'Koppelen',
    busy: 'Bezig met koppelen…',
    unreachable:
      'De kassa is niet bereikbaar. Controleer of dit scherm op de wifi van de zaak zit en probeer het opnieuw.',
    codeNotValid:
      'Deze koppelcode werkt niet (meer): verlopen, al gebruikt of verkeerd getypt. Maak op de kassa een nieuwe code (Instellingen) en scan die.',
    nameMissing: 'Geef dit scherm een naam, zoals Keuken.',
    tooMany: 'Te veel pogingen. Wacht een minuut en probeer het dan opnieuw.',
    failed: (why: string) => `Koppelen lukt niet: ${why}`,
  },
  en: {
    title: 'Pair this screen',
    intro:
      'Once paired, this screen shows the shop’s orders, also after a restart. No PIN is needed.',
    pairing: 'Pairing this screen…',
    code: 'Pairing code',
    codeHint: 'It is under the QR code at the counter.',
    counterSays: 'The counter says:',
    name: 'Name of this screen',
    nameHint: 'How the screen is listed under Settings, for example Kitchen or Kitchen upstairs.',
    defaultName: 'Kitchen',
    submit: 'Pair',
    busy: 'Pairing…',
    unreachable:
      'The counter cannot be reached. Check that this screen is on the shop’s Wi-Fi and try again.',
    codeNotValid:
      'This pairing code does not work (any more): expired, already used or mistyped. Make a new code at the counter (Settings) and scan it.',
    nameMissing: 'Give this screen a name, like Kitchen.',
    tooMany: 'Too many attempts. Wait a minute, then try again.',
    failed: (why: string) => `Pairing did not work: ${why}`,
  },
});
