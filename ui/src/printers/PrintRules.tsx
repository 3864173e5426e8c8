import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { fetchStations } from '../api/kitchen';
import { listPrintRules, savePrintRules } from '../api/printers';
import type { PrintRuleBody, PrintRules, Printer } from '../api/types';
import type { LocalText } from '../i18n/messages';
import { useLang, useText } from '../i18n/preact';
import { sharedText } from '../shared/text';
import { printersText } from './text';

interface Station {
  code: string;
  name: string;
}

/** A rule as edited here, with a key that stays put while rows are added and removed. */
interface Row extends PrintRuleBody {
  key: number;
}

let nextKey = 1;
const keyed = (rule: PrintRuleBody): Row => ({ ...rule, key: nextKey++ });

/**
 * The print rules: which event prints which layout on which printer (per station for kitchen
 * tickets). The choices come from the server; the server checks the rules and names the field
 * that is wrong (`rules[1].printer_id`), shown at that field.
 */
export function PrintRulesSection({ printers, onSaved }: { printers: Printer[]; onSaved: (text: LocalText) => void }) {
  const t = useText(printersText);
  const lang = useLang();
  const [choices, setChoices] = useState<PrintRules | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [stations, setStations] = useState<Station[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    listPrintRules().then(
      (rules) => {
        setChoices(rules);
        setRows(rules.rules.map(keyed));
      },
      (e: unknown) => {
        setFailure(t.failed(e instanceof ApiError ? e.message : String(e)));
      },
    );
    fetchStations().then(
      (s) => {
        setStations(s.stations.map((st) => ({ code: st.code, name: st.name })));
      },
      () => undefined,
    );
  }, []);

  const change = (key: number, patch: Partial<PrintRuleBody>) => {
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const fieldOf = (i: number, name: string) => `rules[${i}].${name}`;
  const errorId = (i: number, name: string) => `rule-${i}-${name}-error`;
  const described = (i: number, name: string) =>
    error?.field === fieldOf(i, name) ? { 'aria-describedby': errorId(i, name), 'aria-invalid': true } : {};
  const fieldError = (i: number, name: string) =>
    error?.field === fieldOf(i, name) ? (
      <span class="field-error" id={errorId(i, name)}>
        {error.message}
      </span>
    ) : null;
  const label = (map: Record<string, string>, id: string) => map[id] ?? id;

  const save = async () => {
    setBusy(true);
    setError(null);
    setFailure(null);
    try {
      const saved = await savePrintRules(
        rows.map((r) => ({
          trigger: r.trigger,
          layout: r.layout,
          printer_id: r.printer_id ?? null,
          station: r.layout === 'kitchen' ? (r.station ?? null) : null,
          enabled: r.enabled ?? true,
        })),
      );
      setRows(saved.rules.map(keyed));
      onSaved((l) => printersText[l].rulesSaved);
    } catch (e) {
      if (e instanceof ApiError && e.field) setError(e);
      else setFailure(t.failed(e instanceof ApiError ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t.rulesTitle}</h2>
      <p class="hint">{t.rulesHint}</p>
      {choices === null && !failure && <p>{sharedText[lang].loading}</p>}
      {failure && (
        <p class="alert" role="alert">
          {failure}
        </p>
      )}
      {choices && (
        <form
          class="rules-form"
          data-testid="print-rules"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {rows.length === 0 && <p>{t.noRules}</p>}
          <ol class="rules">
            {rows.map((row, i) => (
              <li class="rule" key={row.key} data-testid={`rule-${i}`}>
                <fieldset>
                  <legend>{t.ruleLegend(i + 1)}</legend>
                  <label>
                    {t.ruleTrigger}
                    <select
                      name={fieldOf(i, 'trigger')}
                      value={row.trigger}
                      {...described(i, 'trigger')}
                      onChange={(e) => {
                        change(row.key, { trigger: e.currentTarget.value });
                      }}
                    >
                      {choices.triggers.map((id) => (
                        <option key={id} value={id}>
                          {label(t.triggers, id)}
                        </option>
                      ))}
                    </select>
                    {fieldError(i, 'trigger')}
                  </label>
                  <label>
                    {t.ruleLayout}
                    <select
                      name={fieldOf(i, 'layout')}
                      value={row.layout}
                      {...described(i, 'layout')}
                      onChange={(e) => {
                        change(row.key, { layout: e.currentTarget.value });
                      }}
                    >
                      {choices.layouts.map((id) => (
                        <option key={id} value={id}>
                          {label(t.layouts, id)}
                        </option>
                      ))}
                    </select>
                    {fieldError(i, 'layout')}
                  </label>
                  <label>
                    {t.rulePrinter}
                    <select
                      name={fieldOf(i, 'printer_id')}
                      value={row.printer_id === null || row.printer_id === undefined ? '' : String(row.printer_id)}
                      {...described(i, 'printer_id')}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        change(row.key, { printer_id: v === '' ? null : Number(v) });
                      }}
                    >
                      <option value="">{t.firstPrinter}</option>
                      {printers.map((p) => (
                        <option key={p.id} value={String(p.id)}>
                          {p.name}
                        </option>
                      ))}
                      {row.printer_id !== null &&
                        row.printer_id !== undefined &&
                        !printers.some((p) => p.id === row.printer_id) && (
                          <option value={String(row.printer_id)}>{t.unknownPrinter(row.printer_id)}</option>
                        )}
                    </select>
                    {fieldError(i, 'printer_id')}
                  </label>
                  {row.layout === 'kitchen' && (
                    <label>
                      {t.ruleStation}
                      <select
                        name={fieldOf(i, 'station')}
                        value={row.station ?? ''}
                        {...described(i, 'station')}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          change(row.key, { station: v === '' ? null : v });
                        }}
                      >
                        <option value="">{stations.length > 0 ? t.allStations : t.wholeKitchen}</option>
                        {stations.map((s) => (
                          <option key={s.code} value={s.code}>
                            {s.name}
                          </option>
                        ))}
                        {row.station && !stations.some((s) => s.code === row.station) && (
                          <option value={row.station}>{row.station}</option>
                        )}
                      </select>
                      {fieldError(i, 'station')}
                    </label>
                  )}
                  <label class="check">
                    <input
                      type="checkbox"
                      name={fieldOf(i, 'enabled')}
                      checked={row.enabled ?? true}
                      onChange={(e) => {
                        change(row.key, { enabled: e.currentTarget.checked });
                      }}
                    />
                    {t.ruleOn}
                  </label>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={t.removeRuleLabel(i + 1)}
                    onClick={() => {
                      setError(null);
                      setRows(rows.filter((r) => r.key !== row.key));
                    }}
                  >
                    {t.removeRule}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
          {error?.field && !/^rules\[\d+\]\.(trigger|layout|printer_id|station)$/.test(error.field) && (
            <p class="alert" role="alert">
              {t.failed(error.message)}
            </p>
          )}
          <div class="printer-form__buttons">
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setRows([
                  ...rows,
                  keyed({
                    trigger: choices.triggers[0] ?? '',
                    layout: choices.layouts[0] ?? '',
                    printer_id: null,
                    station: null,
                    enabled: true,
                  }),
                ]);
              }}
            >
              {t.addRule}
            </button>
            <button type="submit" disabled={busy}>
              {t.saveRules}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
