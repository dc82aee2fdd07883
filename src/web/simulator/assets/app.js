// Netwerkbot simulator: three panes over one Server-Sent Events stream. No framework, no build.
/* global document, EventSource */
'use strict';
(function () {
  const texts = JSON.parse(document.getElementById('texts').textContent);
  const fill = (s, params) => s.replace(/\{(\w+)\}/g, (_, k) => (k in params ? params[k] : ''));
  const messages = new Map(); // user -> [message]
  const panes = [...document.querySelectorAll('.pane')];
  const status = document.getElementById('status');
  const RTL = new Set(['ar', 'fa']);

  const post = async (path, body) => {
    const r = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(String(r.status));
    return r.json();
  };

  const bubble = (pane, m) => {
    const li = document.createElement('li');
    li.className = `msg ${m.from}`;
    li.dataset.id = m.id;
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = m.from === 'bot' ? texts.bot : texts.you;
    const text = document.createElement('div');
    text.className = 'text';
    text.dir = m.from === 'bot' ? m.direction : 'auto';
    text.textContent = m.text;
    li.append(who, text);
    if (m.choices.length) {
      const group = document.createElement('div');
      group.className = 'choices';
      group.setAttribute('role', 'group');
      for (const c of m.choices) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'choice';
        b.dataset.value = c.value;
        b.textContent = `${c.n}. ${c.label}`;
        b.addEventListener('click', () => send(pane, { choice: c.value, label: `${c.n}. ${c.label}` }));
        group.append(b);
      }
      li.append(group);
    }
    if (m.edited) {
      const e = document.createElement('span');
      e.className = 'edited';
      e.textContent = texts.edited;
      li.append(e);
    }
    return li;
  };

  const render = (pane) => {
    const log = pane.querySelector('.log');
    const list = messages.get(pane.dataset.user) || [];
    log.replaceChildren(...list.map((m) => bubble(pane, m)));
    const last = [...list].reverse().find((m) => m.from === 'bot');
    if (last) log.dir = last.direction;
    log.scrollTop = log.scrollHeight;
  };
  const renderUser = (user) => panes.filter((p) => p.dataset.user === user).forEach(render);

  const send = async (pane, input) => {
    try {
      await post('/simulator/send', { user: pane.dataset.user, ...input });
    } catch {
      status.textContent = texts.error;
    }
  };

  const choose = (pane, select) => {
    const opt = select.selectedOptions[0];
    pane.dataset.user = opt.value;
    const name = opt.textContent.replace(/\s*\(.*\)$/, '');
    const input = pane.querySelector('input[name=text]');
    input.setAttribute('aria-label', fill(texts.input_label, { name }));
    input.value = opt.dataset.code || '';
    const log = pane.querySelector('.log');
    log.setAttribute('aria-label', fill(texts.messages_label, { name }));
    log.dir = RTL.has(opt.dataset.lang) ? 'rtl' : 'ltr';
    pane.querySelector('.hint').textContent = opt.dataset.code
      ? fill(texts.code_hint, { name, code: opt.dataset.code })
      : '';
    render(pane);
  };

  for (const pane of panes) {
    const form = pane.querySelector('form');
    const input = form.querySelector('input');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      pane.querySelector('.hint').textContent = '';
      void send(pane, { text });
    });
    const select = pane.querySelector('select');
    select.addEventListener('change', () => choose(pane, select));
  }

  const setClock = (c) => {
    document.getElementById('now').textContent = c.text;
    document.body.dataset.now = c.now;
  };
  const busy = async (fn) => {
    const buttons = document.querySelectorAll('.clock button');
    buttons.forEach((b) => (b.disabled = true));
    status.textContent = texts.busy;
    try {
      status.textContent = (await fn()) || '';
    } catch {
      status.textContent = texts.error;
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  };
  document
    .querySelectorAll('.clock button[data-step]')
    .forEach((b) =>
      b.addEventListener('click', () =>
        busy(async () => setClock(await post('/simulator/clock', { step: b.dataset.step }))),
      ),
    );
  document.getElementById('reset').addEventListener('click', () =>
    busy(async () => {
      const r = await post('/simulator/reset', {});
      setClock(r);
      for (const pane of panes) {
        const select = pane.querySelector('select');
        for (const opt of select.options) {
          const p = r.people.find((x) => x.user === opt.value);
          opt.dataset.code = (p && p.code) || '';
          opt.dataset.lang = (p && p.lang) || '';
        }
        choose(pane, select);
      }
      return texts.reset_done;
    }),
  );

  const events = new EventSource('/simulator/events');
  const add = (m) => {
    const list = messages.get(m.user) || [];
    const i = list.findIndex((x) => x.id === m.id);
    if (i >= 0) list[i] = m;
    else list.push(m);
    messages.set(m.user, list);
    renderUser(m.user);
  };
  events.addEventListener('open', () => {
    messages.clear();
    panes.forEach(render);
    document.body.dataset.connected = 'true';
  });
  events.addEventListener('message', (e) => add(JSON.parse(e.data)));
  events.addEventListener('edit', (e) => add(JSON.parse(e.data)));
  events.addEventListener('clear', () => {
    messages.clear();
    panes.forEach(render);
  });
  events.addEventListener('clock', (e) => setClock(JSON.parse(e.data)));
})();
