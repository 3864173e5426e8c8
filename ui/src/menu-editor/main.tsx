// The menu editor (`/menu-editor`): categories and items created, edited, reordered (drag or
// the up/down buttons), sold out and archived; sizes, extras per size, ingredients, allergens,
// VAT, hours and photos. Reloads on every `menu.updated`.
import { render } from 'preact';
import '../shared/base.css';
import '../shared/page.css';
import '../admin/admin.css';
import './menu-editor.css';
import { MenuEditorApp } from './MenuEditorApp';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<MenuEditorApp />, root);
}
