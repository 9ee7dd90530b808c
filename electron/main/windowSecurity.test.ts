import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { secureWebPreferences, allowNavigation, allowPermission, isAppPage } from './windowSecurity';

const index = '/opt/syscope/dist/renderer/index.html';

test('windows are isolated, sandboxed and have no Node', () => {
  const p = secureWebPreferences('/x/preload.cjs');
  assert.equal(p.contextIsolation, true);
  assert.equal(p.sandbox, true);
  assert.equal(p.nodeIntegration, false);
  assert.equal(p.nodeIntegrationInWorker, false);
  assert.equal(p.webSecurity, true);
  assert.equal(p.webviewTag, false);
  assert.equal(p.preload, '/x/preload.cjs');
});

test('only hash changes within the app page are allowed navigations', () => {
  const page = pathToFileURL(index).href;
  assert.equal(allowNavigation(`${page}#view=procs`, index), true);
  assert.equal(allowNavigation('https://example.com/', index), false);
  assert.equal(allowNavigation('file:///etc/passwd', index), false);
  assert.equal(allowNavigation('file:///opt/syscope/dist/renderer/other.html', index), false);
  assert.equal(allowNavigation('not a url', index), false);
});

test('calls from a foreign page are not the app', () => {
  assert.equal(isAppPage('http://127.0.0.1:9/', index), false);
  assert.equal(isAppPage(pathToFileURL(index).href, index), true);
});

test('no permission is granted', () => {
  for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read']) assert.equal(allowPermission(p), false);
});
