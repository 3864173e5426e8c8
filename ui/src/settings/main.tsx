// The shop's settings (`/settings`): profile, hours, pickup and delivery; devices for the owner.
import { render } from 'preact';
import '../shared/base.css';
import '../shared/page.css';
import '../settings-form/settings-form.css';
import './settings.css';
import { SettingsApp } from './SettingsApp';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<SettingsApp />, root);
}
