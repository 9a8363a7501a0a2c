// The browser and the context every test user gets. Shared by the config and the tests, which open one
// context per user (a fresh login, no shared cookies).

const BASE_URL = (process.env.E2E_BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');

// The system's Chromium (Debian package), never a downloaded browser. Without the background-networking
// flags Chromium keeps trying to reach its services, which the closed network refuses.
const CHROMIUM = {
  executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

// The office's zone. The locale is Chinese so the webapps show Chinese wherever they have a translation;
// the tests select elements by attributes and ids, never by the webapps' own (translatable) labels.
const CONTEXT_OPTIONS = {
  baseURL: BASE_URL,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 1400, height: 1000 },
};

module.exports = { BASE_URL, CHROMIUM, CONTEXT_OPTIONS };
