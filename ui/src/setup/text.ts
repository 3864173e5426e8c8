// Every sentence of the first-run wizard (`/setup`).

import { messages } from '../i18n/messages';

export const setupText = messages({
  nl: {
    title: 'Zaak instellen',
    welcome: 'Welkom bij Forno',
    unreachable: 'Forno is niet bereikbaar. Controleer of Forno draait en laad deze pagina opnieuw.',
    intro: 'In vier stappen richt u uw zaak in. U kunt alles later wijzigen onder Instellingen.',
    steps: {
      profile: 'Uw zaak',
      hours: 'Openingstijden',
      sales: 'Afhalen en bezorgen',
      owner: 'Eigenaar',
    },
    progress: 'Voortgang',
    stepCount: (step: number, of: number) => `Stap ${step} van ${of}`,
    stepDone: ' (ingevuld)',
    fieldsToFix: (count: number) =>
      count === 1
        ? 'Eén veld op deze stap moet nog anders; zie de melding bij dat veld.'
        : `${count} velden op deze stap moeten nog anders; zie de meldingen bij die velden.`,
    previous: 'Vorige',
    next: 'Volgende',
    finish: 'Zaak instellen',
    finishing: 'Bezig met instellen…',
    owner: {
      intro:
        'Als eigenaar logt u hiermee in bij de kassa. Medewerkers voegt u daarna toe onder Overzicht → Personeel (/admin), schermen onder Instellingen.',
      name: 'Uw naam',
      pin: 'Pincode',
      pinHint: '4 tot 8 cijfers. Niet iets wat iedereen probeert, zoals 1111 of 1234.',
      pinAgain: 'Pincode nog een keer',
      pinsDiffer: 'De twee pincodes zijn niet gelijk. Typ dezelfde pincode nog een keer.',
    },
    problem: {
      unreachable:
        'Forno is niet bereikbaar, dus de zaak is nog niet ingesteld. Controleer of Forno draait en probeer het opnieuw; wat u invulde blijft staan.',
      notHere: (setupUrl: string) =>
        `Voor de veiligheid rondt u het instellen af op de computer waarop Forno draait, niet op een ander apparaat. Open daar ${setupUrl} en vul de stappen opnieuw in.`,
      notHereLink: 'Adres op de computer van de zaak',
      alreadySetUp:
        'Deze zaak is al ingesteld. De eigenaar logt in bij de kassa en wijzigt de instellingen onder Instellingen.',
      toCounter: 'Naar de kassa',
      tooMany: 'Te veel pogingen achter elkaar. Wacht even en probeer het dan opnieuw.',
      failed: (why: string) => `De zaak is nog niet ingesteld: ${why}`,
    },
    done: {
      heading: (shop: string) => `Klaar: ${shop} is ingesteld`,
      note: 'De zaak is ingesteld en u bent ingelogd als eigenaar. Online bestellen staat open.',
      ordering: 'Bestelpagina',
      orderingQr: 'Klanten op uw wifi bestellen via…',
      orderingHint:
        'Hang de QR-code op in de zaak. Het adres werkt op telefoons die met de wifi van de zaak verbonden zijn.',
      kitchen: 'Koppel een keukenscherm',
      toCounter: 'Naar de kassa',
    },
  },
  en: {
    title: 'Set up the shop',
    welcome: 'Welcome to Forno',
    unreachable: 'Forno cannot be reached. Check that Forno is running and reload this page.',
    intro: 'Set up your shop in four steps. You can change everything later under Settings.',
    steps: {
      profile: 'Your shop',
      hours: 'Opening hours',
      sales: 'Pickup and delivery',
      owner: 'Owner',
    },
    progress: 'Progress',
    stepCount: (step: number, of: number) => `Step ${step} of ${of}`,
    stepDone: ' (done)',
    fieldsToFix: (count: number) =>
      count === 1
        ? 'One field on this step still needs a change; see the message at that field.'
        : `${count} fields on this step still need a change; see the messages at those fields.`,
    previous: 'Previous',
    next: 'Next',
    finish: 'Set up the shop',
    finishing: 'Setting up…',
    owner: {
      intro:
        'As the owner you log in at the counter with these. Afterwards you add staff under Overview → Staff (/admin), and screens under Settings.',
      name: 'Your name',
      pin: 'PIN',
      pinHint: '4 to 8 digits. Not something everybody tries, like 1111 or 1234.',
      pinAgain: 'PIN once more',
      pinsDiffer: 'The two PINs are not the same. Type the same PIN once more.',
    },
    problem: {
      unreachable:
        'Forno cannot be reached, so the shop is not set up yet. Check that Forno is running and try again; what you filled in stays.',
      notHere: (setupUrl: string) =>
        `For safety you finish the setup on the computer Forno runs on, not on another device. Open ${setupUrl} there and fill in the steps again.`,
      notHereLink: 'Address on the shop’s computer',
      alreadySetUp:
        'This shop is already set up. The owner logs in at the counter and changes the settings under Settings.',
      toCounter: 'To the counter',
      tooMany: 'Too many attempts in a row. Wait a moment, then try again.',
      failed: (why: string) => `The shop is not set up yet: ${why}`,
    },
    done: {
      heading: (shop: string) => `Done: ${shop} is set up`,
      note: 'The shop is set up and you are logged in as the owner. Online ordering is open.',
      ordering: 'Ordering page',
      orderingQr: 'Customers on your Wi-Fi order at…',
      orderingHint:
        'Put the QR code up in the shop. The address works on phones connected to the shop’s Wi-Fi.',
      kitchen: 'Pair a kitchen screen',
      toCounter: 'To the counter',
    },
  },
});
