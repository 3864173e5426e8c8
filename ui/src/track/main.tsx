// The customer's tracking page (`/track/{token}`): one order, live.
import { render } from 'preact';
import '../shared/base.css';
import './track.css';
import { TrackApp } from './TrackApp';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<TrackApp />, root);
}
