// The owner maps menu categories to kitchen stations (`GET`/`PUT /kitchen/stations`). Whether a
// mapping is valid (codes, one station per category) is the server's answer, shown at its input.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, requestJson } from '../api/http';
import { fetchStations } from '../api/kitchen';
import type { StationsDto } from '../api/types';
import { useLang, useText } from '../i18n/preact';
import { stationsText } from './stations-text';

type Station = StationsDto['stations'][number];

export function StationsEditor() {
  const t = useText(stationsText);
  const lang = useLang();
  const [loaded, setLoaded] = useState<StationsDto | null>(null);
  const [stations, setStations] = useState<Station[]>([]);
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);

  useEffect(() => {
    fetchStations().then(
      (dto) => {
        setLoaded(dto);
        setStations(dto.stations);
      },
      () => {
        setNote({ text: t.unreachable, bad: true });
      },
    );
  }, []);

  const change = (index: number, patch: Partial<Station>) => {
    setStations(stations.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  };
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const dto = await requestJson<StationsDto>('/api/v1/kitchen/stations', { method: 'PUT', body: { stations } });
      setLoaded(dto);
      setStations(dto.stations);
      setNote({ text: t.saved, bad: false });
    } catch (error) {
      setNote({ text: error instanceof ApiError ? error.message : t.unreachable, bad: true });
    }
  };

  if (!loaded) return null;
  return (
    <section class="panel" aria-labelledby="stations-heading" data-testid="stations">
      <h2 id="stations-heading">{t.heading}</h2>
      <p>{t.explain}</p>
      <form onSubmit={(e) => void save(e)}>
        {stations.length === 0 && <p>{t.none}</p>}
        {stations.map((station, i) => (
          <fieldset key={i} class="station-edit" data-testid="station-edit">
            <legend>{station.name || '—'}</legend>
            <label>
              {t.name}
              <input
                value={station.name}
                onInput={(e) => {
                  change(i, { name: (e.target as HTMLInputElement).value });
                }}
              />
            </label>
            <label>
              {t.code}
              <input
                value={station.code}
                onInput={(e) => {
                  change(i, { code: (e.target as HTMLInputElement).value });
                }}
              />
            </label>
            <fieldset>
              <legend>{t.categories}</legend>
              {loaded.categories.map((category) => (
                <label key={category.id} class="station-edit__category">
                  <input
                    type="checkbox"
                    checked={station.category_ids.includes(category.id)}
                    onChange={(e) => {
                      const on = (e.target as HTMLInputElement).checked;
                      change(i, {
                        category_ids: on
                          ? [...station.category_ids, category.id]
                          : station.category_ids.filter((id) => id !== category.id),
                      });
                    }}
                  />{' '}
                  {lang === 'en' && category.name_en ? category.name_en : category.name}
                </label>
              ))}
            </fieldset>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setStations(stations.filter((_, j) => j !== i));
              }}
            >
              {t.remove(station.name)}
            </button>
          </fieldset>
        ))}
        {note && (
          <p class={note.bad ? 'alert' : 'note'} role={note.bad ? 'alert' : 'status'} data-testid="stations-note">
            {note.text}
          </p>
        )}
        <p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setStations([...stations, { code: '', name: '', category_ids: [] }]);
            }}
          >
            {t.add}
          </button>{' '}
          <button type="submit">{t.save}</button>
        </p>
      </form>
    </section>
  );
}
