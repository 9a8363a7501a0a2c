// A small client of the engine's REST API (/engine-rest) and the application's /api, HTTP Basic as a user.
// It reads what the browser cannot show (task ids, candidate groups, variables) and checks what happened.
const { BASE_URL } = require('./browser');

const PASSWORD = process.env.E2E_DEMO_PASSWORD || 'demo';

class Rest {
  constructor(user, password = PASSWORD) {
    this.user = user;
    this.auth = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
  }

  /** Any answer: { status, body } (body parsed when JSON). */
  async call(method, path, body) {
    const headers = { Authorization: this.auth, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(BASE_URL + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (e) {
      throw new Error(`${method} ${path} as ${this.user} failed: ${e.message}`);
    }
    const text = await response.text();
    let parsed = text;
    if ((response.headers.get('content-type') || '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed };
  }

  /** A 2xx answer's body, or an error naming the call and its answer. */
  async get(path) {
    const { status, body } = await this.call('GET', path);
    if (status < 200 || status > 299) {
      throw new Error(`GET ${path} as ${this.user} answered ${status}: ${JSON.stringify(body).slice(0, 500)}`);
    }
    return body;
  }

  engine(path) {
    return this.get('/engine-rest' + path);
  }
}

/** Polls fn until it returns a truthy value; fails after timeoutMs with the message and the last error. */
async function waitFor(message, fn, { timeoutMs = 60_000, intervalMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${message}` + (last ? `: ${last.message}` : ''));
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

const q = (params) => '?' + new URLSearchParams(params).toString();

module.exports = { Rest, waitFor, q, PASSWORD };
