// Printers and print jobs (docs/api.md "Printing").

import { requestJson } from './http';
import type { PrintJob, PrintRuleBody, PrintRules, Printer, PrinterBody, PrinterProfile } from './types';

export function listPrinters(): Promise<Printer[]> {
  return requestJson<Printer[]>('/api/v1/printers');
}

export function listProfiles(): Promise<PrinterProfile[]> {
  return requestJson<PrinterProfile[]>('/api/v1/printers/profiles');
}

export function addPrinter(body: PrinterBody): Promise<Printer> {
  return requestJson<Printer>('/api/v1/printers', { method: 'POST', body });
}

export function updatePrinter(id: number, body: PrinterBody): Promise<Printer> {
  return requestJson<Printer>(`/api/v1/printers/${id}`, { method: 'PUT', body });
}

export function removePrinter(id: number): Promise<void> {
  return requestJson<undefined>(`/api/v1/printers/${id}`, { method: 'DELETE' });
}

export function printTestPage(id: number): Promise<PrintJob> {
  return requestJson<PrintJob>(`/api/v1/printers/${id}/test`, { method: 'POST' });
}

export async function listPrintJobs(query = ''): Promise<PrintJob[]> {
  const page = await requestJson<{ jobs: PrintJob[] }>(
    `/api/v1/print-jobs?limit=50${query ? `&${query}` : ''}`,
  );
  return page.jobs;
}

export function reprintJob(id: number): Promise<PrintJob> {
  return requestJson<PrintJob>(`/api/v1/print-jobs/${id}/reprint`, { method: 'POST', body: {} });
}

export function retryJob(id: number, printerId?: number): Promise<PrintJob> {
  return requestJson<PrintJob>(`/api/v1/print-jobs/${id}/retry`, {
    method: 'POST',
    body: printerId === undefined ? {} : { printer_id: printerId },
  });
}

export function cancelJob(id: number): Promise<PrintJob> {
  return requestJson<PrintJob>(`/api/v1/print-jobs/${id}/cancel`, { method: 'POST' });
}

export function listPrintRules(): Promise<PrintRules> {
  return requestJson<PrintRules>('/api/v1/print-rules');
}

/** Replaces every rule; a wrong one is a 422 naming its field (`rules[1].printer_id`). */
export function savePrintRules(rules: PrintRuleBody[]): Promise<PrintRules> {
  return requestJson<PrintRules>('/api/v1/print-rules', { method: 'PUT', body: { rules } });
}

/** A printer that cannot print now, or tickets that failed or need a person. */
export function printerTrouble(printers: Printer[], jobs: PrintJob[]): boolean {
  return (
    printers.some((p) => p.enabled && !p.ready && p.state !== 'unknown') ||
    jobs.some((j) => j.state === 'failed' || j.state === 'needs_attention')
  );
}
