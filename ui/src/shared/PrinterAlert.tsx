import { useEffect, useState } from 'preact/hooks';
import { listPrintJobs, listPrinters, printerTrouble } from '../api/printers';
import type { PrintJob, Printer } from '../api/types';
import { useLang } from '../i18n/preact';
import type { StaffFeed } from '../live/staff-feed';
import { printersText } from '../printers/text';

/**
 * A printer problem nobody can miss: a printer that cannot print (paper out, cover open, not
 * reachable) or tickets that failed or may not have printed. Reloaded on every print event.
 */
export function PrinterAlert({ feed }: { feed: StaffFeed }) {
  const lang = useLang();
  const t = printersText[lang];
  const [printers, setPrinters] = useState<Printer[]>([]);
  const [jobs, setJobs] = useState<PrintJob[]>([]);

  useEffect(() => {
    const load = () => {
      Promise.all([listPrinters(), listPrintJobs('state=failed,needs_attention')]).then(
        ([p, j]) => {
          setPrinters(p);
          setJobs(j);
        },
        () => undefined,
      );
    };
    load();
    const stop = feed.listen((event) => {
      if (event.type.startsWith('print')) load();
    });
    return stop;
  }, [feed]);

  if (!printerTrouble(printers, jobs)) return null;
  const troubled = printers.filter((p) => p.enabled && !p.ready && p.state !== 'unknown');
  return (
    <div class="alert printer-alert" role="alert" data-testid="printer-alert">
      <strong>{t.alertTitle}</strong>
      {troubled.map((p) => (
        <p key={p.id}>{t.alertPrinter(p.name, lang === 'nl' ? p.state_nl : p.state_en)}</p>
      ))}
      {jobs.length > 0 && <p>{t.alertJobs(jobs.length)}</p>}
      <a class="button" href="/printers">
        {t.toPrinters}
      </a>
    </div>
  );
}
