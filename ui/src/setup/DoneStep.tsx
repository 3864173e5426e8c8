import { useEffect, useRef } from 'preact/hooks';
import { KitchenPairing } from '../shared/KitchenPairing';
import { QrCode } from '../shared/QrCode';

/** "Klaar": where customers order, pairing the kitchen screen, and on to the counter. */
export function DoneStep({ shopName, orderingUrl }: { shopName: string; orderingUrl: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div class="done" data-testid="setup-done">
      <h2 ref={heading} tabIndex={-1}>
        Klaar: {shopName} is ingesteld
      </h2>
      <p class="note note--ok" role="status">
        <span aria-hidden="true">✓ </span>De zaak is ingesteld en u bent ingelogd als eigenaar.
        Online bestellen staat open.
      </p>
      <section class="panel" aria-labelledby="ordering-heading">
        <h3 id="ordering-heading">Bestelpagina</h3>
        <QrCode
          value={orderingUrl}
          testId="ordering-qr"
          label="Klanten op uw wifi bestellen via…"
        />
        <p class="form-section__intro">
          Hang de QR-code op in de zaak. Het adres werkt op telefoons die met de wifi van de zaak
          verbonden zijn.
        </p>
      </section>
      <section class="panel" aria-labelledby="kitchen-heading">
        <h3 id="kitchen-heading">Koppel een keukenscherm</h3>
        <KitchenPairing autoStart />
      </section>
      <p class="actions">
        <a class="button" href="/staff">
          Naar de kassa
        </a>
      </p>
    </div>
  );
}
