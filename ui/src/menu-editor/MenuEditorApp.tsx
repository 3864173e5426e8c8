// `/menu-editor`: the owner's menu. Categories on the left, the chosen category's items in the
// middle, the item being edited on the right; archived items below. Every change is one request;
// the page then shows the menu as the server has it (and so does every other screen, live).

import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import {
  archiveCategory,
  archiveItem,
  createCategory,
  createItem,
  loadEditor,
  reorderCategories,
  reorderItems,
  setSoldOut,
  updateCategory,
  updateItem,
} from '../api/menu-editor';
import { currentStaff, mayDo } from '../api/session';
import type { StaffMember } from '../api/types';
import { AdminNav } from '../admin/AdminNav';
import { formatEuro } from '../i18n/format';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useLang, useText, useTitle } from '../i18n/preact';
import { followMenu } from '../live/menu-feed';
import { roleName } from '../shared/roles';
import { LoginForm } from '../staff/LoginForm';
import { itemForm, newItemForm, type EditorCategory, type EditorItem, type EditorMenu, type ItemBody } from './form';
import { ItemForm } from './ItemForm';
import { Reorderable } from './Reorderable';
import { menuEditorText } from './text';

type Session = { kind: 'loading' } | { kind: 'unreachable' } | { kind: 'out' } | { kind: 'in'; staff: StaffMember };

function why(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function MenuEditorApp() {
  const t = useText(menuEditorText);
  const lang = useLang();
  const [session, setSession] = useState<Session>({ kind: 'loading' });
  useTitle(`${t.title} · Forno`);
  useEffect(() => {
    currentStaff().then(
      (staff) => {
        setSession(staff ? { kind: 'in', staff } : { kind: 'out' });
      },
      () => {
        setSession({ kind: 'unreachable' });
      },
    );
  }, []);
  const staff = session.kind === 'in' ? session.staff : null;
  return (
    <>
      <header class="pagebar">
        <p class="pagebar__brand">Forno</p>
        {staff && <AdminNav current="menu" permissions={staff.permissions} />}
        <div class="pagebar__end">
          {staff && (
            <p>
              {staff.name} <span class="pagebar__role">({roleName(staff.role, lang)})</span>
            </p>
          )}
          <LanguageSwitch />
        </div>
      </header>
      <main class="menu-editor">
        <h1>{t.title}</h1>
        {session.kind === 'loading' && <p>{t.loading}</p>}
        {session.kind === 'unreachable' && (
          <p class="alert" role="alert">
            {t.unreachable}
          </p>
        )}
        {session.kind === 'out' && (
          <>
            <p>{t.loginFirst}</p>
            <LoginForm
              onLoggedIn={(s) => {
                setSession({ kind: 'in', staff: s });
              }}
            />
          </>
        )}
        {staff &&
          (mayDo(staff, 'edit_menu') ? (
            <Editor />
          ) : (
            <p class="alert" role="alert">
              {t.notAllowed}
            </p>
          ))}
      </main>
    </>
  );
}

type Editing = { kind: 'new'; category: EditorCategory } | { kind: 'edit'; item: EditorItem } | null;

function Editor() {
  const t = useText(menuEditorText);
  const lang = useLang();
  const [menu, setMenu] = useState<EditorMenu | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [forms, setForms] = useState(0);

  const reload = useCallback(async () => {
    const fresh = await loadEditor();
    setMenu(fresh);
    return fresh;
  }, []);

  useEffect(() => {
    reload().catch((error: unknown) => {
      setNote({ ok: false, text: t.failed(why(error)) });
    });
    // Changes made elsewhere (the counter's sold-out button, another owner's tab).
    return followMenu(() => void reload().catch(() => undefined));
  }, [reload]);

  const saved = async (text: string) => {
    setNote({ ok: true, text });
    await reload().catch(() => undefined);
  };
  const act = async (work: () => Promise<unknown>, done: string) => {
    setNote(null);
    try {
      await work();
      await saved(done);
    } catch (error) {
      setNote({ ok: false, text: t.failed(why(error)) });
      await reload().catch(() => undefined);
    }
  };

  if (!menu) {
    return note ? (
      <p class="alert" role="alert">
        {note.text}
      </p>
    ) : (
      <p>{t.loading}</p>
    );
  }
  const category = menu.categories.find((c) => c.id === chosen) ?? menu.categories[0] ?? null;
  const cheapest = (item: EditorItem) => Math.min(...item.sizes.map((s) => s.price_cents));

  const save = async (body: ItemBody): Promise<ApiError | null> => {
    try {
      const id = editing?.kind === 'edit' ? editing.item.id : (await createItem(body)).id;
      if (editing?.kind === 'edit') await updateItem(id, body);
      const fresh = await reload();
      const item = fresh.categories.flatMap((c) => c.items).find((i) => i.id === id);
      if (item) {
        // The form again as the server has it (a new item now takes a photo).
        setEditing({ kind: 'edit', item });
        setForms((n) => n + 1);
      }
      setNote({ ok: true, text: t.saved(body.names.nl) });
      return null;
    } catch (error) {
      return error instanceof ApiError ? error : new ApiError(0, why(error), why(error), null);
    }
  };

  return (
    <>
      <p class="page__intro">{t.intro}</p>
      {note && (
        <p class={note.ok ? 'note note--ok' : 'alert'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
      <div class="menu-editor__columns">
        <section class="panel" aria-labelledby="categories-heading">
          <h2 id="categories-heading">{t.categories}</h2>
          <Reorderable
            entries={menu.categories}
            name={(c) => c.name}
            label={t.categories}
            testId="category"
            onOrder={(ids) => void act(() => reorderCategories(ids), t.reordered)}
          >
            {(c) => (
              <button
                type="button"
                class={c.id === category?.id ? 'category category--chosen' : 'category secondary'}
                aria-pressed={c.id === category?.id}
                onClick={() => {
                  setChosen(c.id);
                  setEditing(null);
                }}
              >
                {c.name}
                <span class="category__count">{c.items.length}</span>
              </button>
            )}
          </Reorderable>
          {category && (
            <CategoryForm
              key={`edit-${String(category.id)}-${String(forms)}`}
              category={category}
              onSave={async (body) => {
                await updateCategory(category.id, body);
                await saved(t.saved(body.names.nl));
              }}
              onArchive={() => void act(() => archiveCategory(category.id, true), t.archivedNote(category.name))}
            />
          )}
          <CategoryForm
            key={`new-${String(forms)}`}
            category={null}
            onSave={async (body) => {
              const created = await createCategory(body);
              setChosen(created.id);
              setForms((n) => n + 1);
              await saved(t.saved(body.names.nl));
            }}
          />
        </section>

        <section class="panel" aria-labelledby="items-heading">
          <h2 id="items-heading">{category ? t.items(category.name) : t.categories}</h2>
          {category && category.items.length === 0 && <p>{t.noItems}</p>}
          {category && (
            <Reorderable
              entries={category.items}
              name={(i) => i.name}
              label={t.items(category.name)}
              testId="item"
              onOrder={(ids) => void act(() => reorderItems(category.id, ids), t.reordered)}
            >
              {(item) => (
                <div class="item-row">
                  {item.photo ? (
                    <img class="item-row__photo" src={item.photo.small} alt="" width={48} height={48} />
                  ) : (
                    <span class="item-row__photo item-row__photo--none" aria-hidden="true" />
                  )}
                  <span class="item-row__what">
                    <strong>{item.name}</strong>
                    <span class="item-row__meta">
                      {t.from(formatEuro(cheapest(item), lang))}
                      {item.available ? ` · ${t.hours(item.available.from, item.available.until)}` : ''}
                    </span>
                  </span>
                  <label class="check item-row__soldout">
                    <input
                      type="checkbox"
                      aria-label={t.soldOutLabel(item.name)}
                      checked={item.sold_out}
                      onChange={(e) => {
                        const soldOut = e.currentTarget.checked;
                        void act(() => setSoldOut(item.id, soldOut), t.saved(item.name));
                      }}
                    />
                    {t.soldOut}
                  </label>
                  <span class="item-row__actions">
                    <button
                      type="button"
                      class="secondary"
                      aria-label={t.editLabel(item.name)}
                      onClick={() => {
                        setEditing({ kind: 'edit', item });
                        setForms((n) => n + 1);
                      }}
                    >
                      {t.edit}
                    </button>
                    <button
                      type="button"
                      class="secondary"
                      aria-label={t.archiveLabel(item.name)}
                      onClick={() => {
                        if (editing?.kind === 'edit' && editing.item.id === item.id) setEditing(null);
                        void act(() => archiveItem(item.id, true), t.archivedNote(item.name));
                      }}
                    >
                      {t.archive}
                    </button>
                  </span>
                </div>
              )}
            </Reorderable>
          )}
          {category && (
            <button
              type="button"
              onClick={() => {
                setEditing({ kind: 'new', category });
                setForms((n) => n + 1);
              }}
            >
              {t.newItem}
            </button>
          )}
        </section>

        {editing && category && (
          <ItemForm
            key={String(forms)}
            editor={menu}
            category={category}
            item={editing.kind === 'edit' ? editing.item : null}
            form={editing.kind === 'edit' ? itemForm(editing.item) : newItemForm(editing.category)}
            onSave={save}
            onChanged={(text) => {
              setNote({ ok: true, text });
              void reload().then((fresh) => {
                if (editing.kind !== 'edit') return;
                const item = fresh.categories.flatMap((c) => c.items).find((i) => i.id === editing.item.id);
                if (item) setEditing({ kind: 'edit', item });
              });
            }}
            onClose={() => {
              setEditing(null);
            }}
          />
        )}
      </div>

      <section class="panel" aria-labelledby="archived-heading">
        <h2 id="archived-heading">{t.archived}</h2>
        <p class="hint">{t.archivedHint}</p>
        {menu.archived_items.length === 0 && menu.archived_categories.length === 0 && <p>{t.noArchived}</p>}
        <ul class="archived" data-testid="archived">
          {menu.archived_categories.map((c) => (
            <li key={`c-${String(c.id)}`}>
              <span>{c.name}</span>
              <button
                type="button"
                class="secondary"
                aria-label={t.restoreLabel(c.name)}
                onClick={() => void act(() => archiveCategory(c.id, false), t.restored(c.name))}
              >
                {t.restore}
              </button>
            </li>
          ))}
          {menu.archived_items.map((item) => (
            <li key={item.id}>
              <span>{item.name}</span>
              <button
                type="button"
                class="secondary"
                aria-label={t.restoreLabel(item.name)}
                onClick={() => void act(() => archiveItem(item.id, false), t.restored(item.name))}
              >
                {t.restore}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function CategoryForm({
  category,
  onSave,
  onArchive,
}: {
  category: EditorCategory | null;
  onSave: (body: { names: { nl: string; en: string }; halves_allowed: boolean; vat_rate_percent: number }) => Promise<void>;
  onArchive?: () => void;
}) {
  const t = useText(menuEditorText);
  const [nl, setNl] = useState(category?.names.nl ?? '');
  const [en, setEn] = useState(category && category.names.en !== category.names.nl ? category.names.en : '');
  const [halves, setHalves] = useState(category?.halves_allowed ?? false);
  const [vat, setVat] = useState(category?.vat_rate_percent ?? 9);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const prefix = category ? `category-${String(category.id)}` : 'category-new';
  const failed = (field: string) => (problem?.field === field ? problem : null);
  return (
    <form
      class="category-form"
      aria-label={category ? `${t.saveCategory}: ${category.name}` : t.newCategory}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ names: { nl, en }, halves_allowed: halves, vat_rate_percent: vat }).then(
          () => {
            setProblem(null);
          },
          (error: unknown) => {
            setProblem(error instanceof ApiError ? error : new ApiError(0, why(error), why(error), null));
          },
        );
      }}
    >
      <h3>{category ? category.name : t.newCategory}</h3>
      <label>
        {t.categoryName}
        <input
          id={`${prefix}-names-nl`}
          value={nl}
          {...(failed('names.nl') ? { 'aria-invalid': true, 'aria-describedby': `${prefix}-error` } : {})}
          onInput={(e) => {
            setNl(e.currentTarget.value);
          }}
        />
      </label>
      <label>
        {t.categoryNameEn}
        <input
          id={`${prefix}-names-en`}
          value={en}
          onInput={(e) => {
            setEn(e.currentTarget.value);
          }}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={halves}
          onChange={(e) => {
            setHalves(e.currentTarget.checked);
          }}
        />
        {t.halves}
      </label>
      <label>
        {t.categoryVat}
        <select
          value={vat}
          onChange={(e) => {
            setVat(Number(e.currentTarget.value));
          }}
        >
          <option value={9}>9%</option>
          <option value={21}>21%</option>
        </select>
      </label>
      {problem && (
        <p class="alert" role="alert" id={`${prefix}-error`}>
          {problem.message}
        </p>
      )}
      <div class="category-form__buttons">
        <button type="submit">{category ? t.saveCategory : t.addCategory}</button>
        {onArchive && (
          <button type="button" class="secondary" onClick={onArchive}>
            {t.archiveCategory}
          </button>
        )}
      </div>
    </form>
  );
}
