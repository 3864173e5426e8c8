// Every sentence of the settings page (`/settings`): who may be here, saving, paired devices.

import { messages } from '../i18n/messages';

export const settingsText = messages({
  nl: {
    title: 'Instellingen',
    toCounter: 'Naar de kassa',
    unreachable:
      'De kassa is niet bereikbaar. Controleer of Forno draait en laad deze pagina opnieuw.',
    notLoggedIn:
      'U bent niet ingelogd. Log in bij de kassa met uw naam en pincode en kies daar ‘Instellingen’.',
    toLogin: 'Naar inloggen',
    notAllowed: (name: string, role: string) =>
      `U bent ingelogd als ${name} (${role}). Die rol mag de instellingen van de zaak niet wijzigen; vraag de eigenaar of de bedrijfsleider.`,
    sections: {
      profile: 'Uw zaak',
      hours: 'Openingstijden',
      sales: 'Afhalen en bezorgen',
      devices: 'Apparaten',
      pairKitchen: 'Keukenscherm koppelen',
      paired: 'Gekoppelde schermen',
    },
    save: 'Opslaan',
    saving: 'Opslaan…',
    savedAt: (time: string) => `Opgeslagen om ${time}.`,
    fieldsToFix: (count: number) =>
      count === 1
        ? 'Niet opgeslagen: één veld moet nog anders; zie de melding bij dat veld.'
        : `Niet opgeslagen: ${count} velden moeten nog anders; zie de meldingen bij die velden.`,
    saveUnreachable:
      'Niet opgeslagen: de kassa is niet bereikbaar. Wat u invulde blijft staan; probeer het zo opnieuw.',
    saveLoggedOut:
      'Niet opgeslagen: u bent niet meer ingelogd. Log opnieuw in bij de kassa (in een ander tabblad) en sla dan opnieuw op.',
    saveForbidden: 'Niet opgeslagen: uw rol mag de instellingen niet wijzigen. Vraag de eigenaar.',
    saveFailed: (why: string) => `Niet opgeslagen: ${why}`,
    devices: {
      kitchenScreen: 'Keukenscherm',
      counterTablet: 'Kassatablet',
      pairedOn: (when: string) => `gekoppeld op ${when}`,
      loading: 'Schermen laden…',
      none: 'Er zijn nog geen schermen gekoppeld.',
      listUnreachable: 'De lijst met schermen laadt niet: de kassa is niet bereikbaar.',
      refresh: 'Lijst vernieuwen',
      unpair: 'Ontkoppelen',
      unpairLabel: (name: string) => `${name} ontkoppelen`,
      confirmGroup: (name: string) => `${name} ontkoppelen?`,
      confirm: (name: string) =>
        `‘${name}’ ontkoppelen? Het scherm ziet dan geen bestellingen meer tot u het opnieuw koppelt.`,
      yes: 'Ja, ontkoppelen',
      cancel: 'Annuleren',
      unpaired: (name: string) => `‘${name}’ is ontkoppeld en ziet geen bestellingen meer.`,
      alreadyUnpaired: (name: string) => `‘${name}’ was al ontkoppeld. De lijst is bijgewerkt.`,
      notUnpaired: (name: string, why: string) =>
        `‘${name}’ is niet ontkoppeld: ${why}. Probeer het opnieuw.`,
      unreachableReason: 'de kassa is niet bereikbaar',
    },
  },
  en: {
    title: 'Settings',
    toCounter: 'To the counter',
    unreachable: 'The counter cannot be reached. Check that Forno is running and reload this page.',
    notLoggedIn:
      'You are not logged in. Log in at the counter with your name and PIN and choose ‘Settings’ there.',
    toLogin: 'To the login',
    notAllowed: (name: string, role: string) =>
      `You are logged in as ${name} (${role}). That role may not change the shop’s settings; ask the owner or the manager.`,
    sections: {
      profile: 'Your shop',
      hours: 'Opening hours',
      sales: 'Pickup and delivery',
      devices: 'Devices',
      pairKitchen: 'Pair a kitchen screen',
      paired: 'Paired screens',
    },
    save: 'Save',
    saving: 'Saving…',
    savedAt: (time: string) => `Saved at ${time}.`,
    fieldsToFix: (count: number) =>
      count === 1
        ? 'Not saved: one field still needs a change; see the message at that field.'
        : `Not saved: ${count} fields still need a change; see the messages at those fields.`,
    saveUnreachable:
      'Not saved: the counter cannot be reached. What you filled in stays; try again shortly.',
    saveLoggedOut:
      'Not saved: you are no longer logged in. Log in again at the counter (in another tab), then save again.',
    saveForbidden: 'Not saved: your role may not change the settings. Ask the owner.',
    saveFailed: (why: string) => `Not saved: ${why}`,
    devices: {
      kitchenScreen: 'Kitchen screen',
      counterTablet: 'Counter tablet',
      pairedOn: (when: string) => `paired on ${when}`,
      loading: 'Loading screens…',
      none: 'No screens are paired yet.',
      listUnreachable: 'The list of screens does not load: the counter cannot be reached.',
      refresh: 'Refresh list',
      unpair: 'Unpair',
      unpairLabel: (name: string) => `Unpair ${name}`,
      confirmGroup: (name: string) => `Unpair ${name}?`,
      confirm: (name: string) =>
        `Unpair ‘${name}’? The screen then sees no orders until you pair it again.`,
      yes: 'Yes, unpair',
      cancel: 'Cancel',
      unpaired: (name: string) => `‘${name}’ is unpaired and sees no more orders.`,
      alreadyUnpaired: (name: string) => `‘${name}’ was already unpaired. The list is up to date.`,
      notUnpaired: (name: string, why: string) => `‘${name}’ is not unpaired: ${why}. Try again.`,
      unreachableReason: 'the counter cannot be reached',
    },
  },
});
