import { useEffect, useRef } from 'preact/hooks';
import { useText } from '../i18n/preact';
import { KitchenPairing } from '../shared/KitchenPairing';
import { QrCode } from '../shared/QrCode';
import { setupText } from './text';

/** "Klaar": where customers order, pairing the kitchen screen, and on to the counter. */
export function DoneStep({ shopName, orderingUrl }: { shopName: string; orderingUrl: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const t = useText(setupText).done;
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div class="done" data-testid="setup-done">
      <h2 ref={heading} tabIndex={-1}>
        {t.heading(shopName)}
      </h2>
      <p class="note note--ok" role="status">
        <span aria-hidden="true">✓ </span>
        {t.note}
      </p>
      <section class="panel" aria-labelledby="ordering-heading">
        <h3 id="ordering-heading">{t.ordering}</h3>
        <QrCode value={orderingUrl} testId="ordering-qr" label={t.orderingQr} />
        <p class="form-section__intro">{t.orderingHint}</p>
      </section>
      <section class="panel" aria-labelledby="kitchen-heading">
        <h3 id="kitchen-heading">{t.kitchen}</h3>
        <KitchenPairing autoStart />
      </section>
      <p class="actions">
        <a class="button" href="/staff">
          {t.toCounter}
        </a>
      </p>
    </div>
  );
}
