// The stations section of the settings page: which categories each kitchen screen makes.

import { messages } from '../i18n/messages';

export const stationsText = messages({
  nl: {
    heading: 'Keukenstations',
    explain:
      'Verdeel de categorieën over stations (bijvoorbeeld oven, koud, drank). Elk keukenscherm kiest zijn station; de pas zet een bestelling pas op klaar als elk station zijn regels af heeft. Zonder stations werkt de keuken als één geheel.',
    none: 'Geen stations: de keuken werkt als één geheel.',
    name: 'Naam',
    code: 'Code (kleine letters, zoals oven)',
    categories: 'Maakt',
    add: 'Station toevoegen',
    remove: (name: string) => `Station ${name || 'zonder naam'} verwijderen`,
    save: 'Stations bewaren',
    saved: 'De stations zijn opgeslagen.',
    unreachable: 'De kassa is niet bereikbaar; de stations zijn niet opgeslagen.',
  },
  en: {
    heading: 'Kitchen stations',
    explain:
      'Share the categories out over stations (oven, cold, drinks, say). Each kitchen screen picks its station; the pass sets an order to ready only once every station has finished its lines. Without stations the kitchen works as one.',
    none: 'No stations: the kitchen works as one.',
    name: 'Name',
    code: 'Code (lower case, like oven)',
    categories: 'Makes',
    add: 'Add a station',
    remove: (name: string) => `Remove station ${name || 'without a name'}`,
    save: 'Store the stations',
    saved: 'The stations are saved.',
    unreachable: 'The counter cannot be reached; the stations are not saved.',
  },
});
