// A list the owner puts in order: drag a row by its handle, or use its up and down buttons (the
// keyboard way, and the way on a screen where dragging is awkward). Calls `onOrder` with the new
// order of ids; the server checks it and the list shows what the server then says.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useText } from '../i18n/preact';
import { moved } from './form';
import { menuEditorText } from './text';

export function Reorderable<T extends { id: number }>({
  entries,
  name,
  onOrder,
  label,
  children,
  testId,
}: {
  entries: T[];
  name: (entry: T) => string;
  onOrder: (ids: number[]) => void;
  label: string;
  children: (entry: T) => ComponentChildren;
  testId: string;
}) {
  const t = useText(menuEditorText);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const ids = entries.map((e) => e.id);
  const move = (from: number, to: number) => {
    const next = moved(ids, from, to);
    if (next !== ids) onOrder(next);
  };
  return (
    <ol class="reorder" aria-label={label} data-testid={testId}>
      {entries.map((entry, index) => (
        <li
          key={entry.id}
          class={`reorder__row${over === index && dragging !== null && dragging !== index ? ' reorder__row--over' : ''}`}
          data-testid={`${testId}-${entry.id}`}
          onDragOver={(e) => {
            if (dragging === null) return;
            e.preventDefault();
            setOver(index);
          }}
          onDrop={(e) => {
            e.preventDefault();
            if (dragging !== null) move(dragging, index);
            setDragging(null);
            setOver(null);
          }}
        >
          <span
            class="reorder__handle"
            draggable
            role="img"
            aria-label={t.dragLabel(name(entry))}
            title={t.dragLabel(name(entry))}
            onDragStart={(e) => {
              e.dataTransfer?.setData('text/plain', String(entry.id));
              setDragging(index);
            }}
            onDragEnd={() => {
              setDragging(null);
              setOver(null);
            }}
          >
            ⠿
          </span>
          <div class="reorder__body">{children(entry)}</div>
          <span class="reorder__moves">
            <button
              type="button"
              class="secondary"
              aria-label={t.upLabel(name(entry))}
              disabled={index === 0}
              onClick={() => {
                move(index, index - 1);
              }}
            >
              ↑
            </button>
            <button
              type="button"
              class="secondary"
              aria-label={t.downLabel(name(entry))}
              disabled={index === entries.length - 1}
              onClick={() => {
                move(index, index + 1);
              }}
            >
              ↓
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
