// Email composer: autosave, templates, send with confirmation.
(function () {
  var root = document.getElementById('composer');
  var csrfHeader = document.querySelector('meta[name="csrf-header"]');
  var csrfToken = document.querySelector('meta[name="csrf-token"]');
  var subject = document.getElementById('c-subject');
  var body = document.getElementById('c-body');
  var prospect = document.getElementById('c-prospect');
  var template = document.getElementById('c-template');
  var status = document.getElementById('save-status');
  var errorBox = document.getElementById('c-error');
  var canWrite = root.dataset.canWrite === 'true';

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  var draftId = root.dataset.draftId || uuid();

  function post(url, payload, headers) {
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (csrfHeader && csrfToken) { h[csrfHeader.content] = csrfToken.content; }
    Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
    return fetch(url, { method: 'POST', headers: h, body: JSON.stringify(payload), credentials: 'same-origin' })
      .then(function (r) {
        return r.text().then(function (t) {
          var json = null;
          try { json = t ? JSON.parse(t) : null; } catch (e) { json = null; }
          return { status: r.status, ok: r.ok, json: json };
        });
      });
  }

  function message(r, fallback) {
    return r && r.json && r.json.error && r.json.error.message ? r.json.error.message : fallback;
  }

  // ---- autosave: debounced, one request at a time, the editor never waits
  var timer = null, inFlight = false, dirty = false, edits = 0;
  function setStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text;
    status.className = 'badge ' + (state === 'error' ? 'bg-red-lt' : state === 'saved' ? 'bg-green-lt' : 'bg-secondary-lt');
  }
  function snapshot() {
    return { id: draftId, prospectId: prospect.value || null, templateId: template.value || null,
             subject: subject.value, bodyHtml: body.innerHTML };
  }
  var current = Promise.resolve(), lastSaved = null;
  function save() {
    timer = null;
    if (!canWrite) { return Promise.resolve(); }
    if (inFlight) { dirty = true; return Promise.resolve(); }
    inFlight = true; dirty = false;
    setStatus('saving', 'Saving…');
    var sent = snapshot();
    current = post('/compose/api/draft', sent).then(function (r) {
      inFlight = false;
      if (r.ok) {
        lastSaved = JSON.stringify(sent);
        if (location.pathname !== '/compose/' + draftId) { history.replaceState(null, '', '/compose/' + draftId); }
        if (dirty || timer) { if (!timer) { return save(); } } else { setStatus('saved', 'Saved'); }
      } else {
        setStatus('error', 'Error: ' + message(r, 'not saved (' + r.status + ')'));
      }
    }, function () {
      inFlight = false;
      setStatus('error', 'Error: the server could not be reached; retrying when you type');
    });
    return current;
  }
  // resolves once the server holds exactly what the editor shows (waits for a save in flight, then saves
  // again if the text changed meanwhile); rejects when the draft cannot be saved
  function flushSave(tries) {
    tries = tries || 0;
    if (inFlight) { return current.then(function () { return flushSave(tries + 1); }); }
    if (JSON.stringify(snapshot()) === lastSaved) { return Promise.resolve(); }
    if (tries > 5 || (tries > 0 && status.dataset.state === 'error')) {
      return Promise.reject(new Error('The draft could not be saved, so it was not sent.'));
    }
    return save().then(function () { return flushSave(tries + 1); });
  }
  function changed() {
    edits++;
    markStale();
    if (timer) { clearTimeout(timer); }
    setStatus('pending', 'Saving…');
    timer = setTimeout(save, 600);
  }
  subject.addEventListener('input', changed);
  body.addEventListener('input', changed);
  // ---- prospect search: the server finds people (each once); a campaign button picks that lead
  var prospectSearch = document.getElementById('c-prospect-search');
  var prospectResults = document.getElementById('prospect-results');
  var prospectChosen = document.getElementById('prospect-chosen');
  prospectResults.addEventListener('click', function (e) {
    var pick = e.target.closest('[data-pick]');
    if (!pick) { return; }
    prospect.value = pick.dataset.lead;
    prospect.dataset.email = pick.dataset.email;
    prospectChosen.textContent = 'Writing to ' + pick.dataset.label;
    prospectResults.innerHTML = '';
    prospectSearch.value = '';
    changed();
  });
  document.getElementById('c-prospect-clear').addEventListener('click', function () {
    prospect.value = '';
    prospect.dataset.email = '';
    prospectChosen.textContent = 'No prospect chosen';
    prospectResults.innerHTML = '';
    prospectSearch.value = '';
    changed();
  });
  prospectSearch.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { prospectResults.innerHTML = ''; }
  });
  document.querySelectorAll('[data-cmd]').forEach(function (b) {
    b.addEventListener('click', function () {
      body.focus();
      var value = null;
      if (b.dataset.cmd === 'createLink') {
        value = window.prompt('Link address (https://…)');
        if (!value) { return; }
      }
      document.execCommand(b.dataset.cmd, false, value);
      changed();
    });
  });

  function escapeHtml(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function textToHtml(text) {
    return String(text).split(/\n{2,}/).map(function (p) {
      return '<p>' + escapeHtml(p).replace(/\n/g, '<br>') + '</p>';
    }).join('');
  }
  function bodyText() { return body.innerText.trim(); }

  // ---- template insert
  document.getElementById('c-insert').addEventListener('click', function () {
    if (!template.value) { errorBox.textContent = 'Choose a template first.'; return; }
    errorBox.textContent = '';
    post('/compose/api/templates/' + template.value + '/render', { leadId: prospect.value || null }).then(function (r) {
      if (!r.ok) { errorBox.textContent = message(r, 'The template could not be rendered (' + r.status + ')'); return; }
      if (!subject.value.trim()) { subject.value = r.json.subject; }
      body.innerHTML = body.innerHTML.trim() ? body.innerHTML + r.json.bodyHtml : r.json.bodyHtml;
      changed();
    }, function () { errorBox.textContent = 'The server could not be reached.'; });
  });

  // ---- AI panel: idle -> thinking -> ready -> stale (edited after it arrived) -> applied
  var panels = {};
  document.querySelectorAll('[data-ai]').forEach(function (section) {
    var kind = section.dataset.ai;
    var p = panels[kind] = { section: section, suggestion: null, at: 0 };
    p.set = function (state) {
      section.dataset.state = state;
      var badge = section.querySelector('[data-role=state]');
      badge.textContent = state;
      badge.className = 'badge ms-auto ' + ({ thinking: 'bg-blue-lt', ready: 'bg-green-lt', stale: 'bg-yellow-lt',
        applied: 'bg-secondary-lt', error: 'bg-red-lt', 'needs a model': 'bg-orange-lt' }[state] || '');
    };
    section.querySelector('[data-role=run]').addEventListener('click', function () { run(kind); });
    var cancel = section.querySelector('[data-role=cancel]');
    if (cancel) {
      cancel.addEventListener('click', function () { if (p.abort) { p.abort.abort(); } });
    }
  });
  // a model call for a waiting person is bounded on the server (deadline, retries included); Cancel stops waiting
  function aiPost(p, url, payload) {
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (csrfHeader && csrfToken) { h[csrfHeader.content] = csrfToken.content; }
    p.abort = window.AbortController ? new AbortController() : null;
    var cancel = p.section.querySelector('[data-role=cancel]');
    if (cancel) { cancel.hidden = false; }
    var done = function () { p.abort = null; if (cancel) { cancel.hidden = true; } };
    return fetch(url, { method: 'POST', headers: h, body: JSON.stringify(payload), credentials: 'same-origin',
                        signal: p.abort ? p.abort.signal : undefined })
      .then(function (r) {
        return r.text().then(function (t) {
          var json = null;
          try { json = t ? JSON.parse(t) : null; } catch (e) { json = null; }
          done();
          return { status: r.status, ok: r.ok, json: json };
        });
      }, function (e) { done(); throw e; });
  }
  function markStale() {
    Object.keys(panels).forEach(function (k) {
      var p = panels[k];
      if (p.section.dataset.state === 'ready' && edits > p.at) {
        p.set('stale');
        var note = p.section.querySelector('[data-role=stale-note]');
        if (note) { note.hidden = false; }
      }
    });
  }
  function run(kind) {
    var p = panels[kind];
    var result = p.section.querySelector('[data-role=result]');
    var text = bodyText();
    if (!text) { result.hidden = false; result.textContent = 'Write something first.'; return; }
    var payload;
    if (kind === 'personalize') {
      payload = { leadId: prospect.value || null, text: text, subject: subject.value || null,
                  tone: document.getElementById('ai-tone').value || null };
    } else if (kind === 'rewrite') {
      payload = { text: text, instruction: document.getElementById('ai-instruction').value };
    } else {
      payload = { text: text };
    }
    p.set('thinking');
    result.hidden = false;
    result.textContent = 'Thinking…';
    aiPost(p, '/compose/api/ai/' + kind, payload).then(function (r) {
      if (!r.ok) {
        var needsModel = r.json && r.json.error && r.json.error.code === 'NEEDS_LANGUAGE_MODEL';
        p.set(needsModel ? 'needs a model' : 'error');
        result.textContent = message(r, 'The assistant failed (' + r.status + ')');
        result.setAttribute('data-testid', 'ai-' + kind + '-message');
        return;
      }
      p.suggestion = r.json;
      p.at = edits;
      result.innerHTML = '';
      if (kind === 'score') {
        var s = r.json;
        var dl = document.createElement('div');
        dl.innerHTML = '<div class="small text-secondary mb-1" data-testid="score-method">Heuristic estimates from fixed rules, not a model\'s prediction</div>'
          + '<div class="d-flex gap-3 mb-1"><div>Spam risk (est.) <strong data-testid="score-spam"></strong></div>'
          + '<div>Reply likelihood (est.) <strong data-testid="score-reply"></strong></div></div><ul class="small mb-1" data-testid="score-signals"></ul>'
          + '<details class="small"><summary>The rules</summary><ul class="mb-0" data-testid="score-rules"></ul></details>';
        dl.querySelector('[data-testid=score-spam]').textContent = Math.round(s.spamRisk * 100) + ' %';
        dl.querySelector('[data-testid=score-reply]').textContent = Math.round(s.replyProbability * 100) + ' %';
        var ul = dl.querySelector('ul');
        (s.signals || []).forEach(function (sig) { var li = document.createElement('li'); li.textContent = sig; ul.appendChild(li); });
        if (!(s.signals || []).length) { var li = document.createElement('li'); li.textContent = 'No signals'; ul.appendChild(li); }
        var rules = dl.querySelector('[data-testid=score-rules]');
        (s.rules || []).forEach(function (rule) { var li = document.createElement('li'); li.textContent = rule; rules.appendChild(li); });
        result.appendChild(dl);
      } else {
        var pre = document.createElement('div');
        pre.className = 'border rounded p-2 small mb-2';
        pre.style.whiteSpace = 'pre-wrap';
        pre.setAttribute('data-testid', 'ai-' + kind + '-text');
        pre.textContent = (r.json.subject ? 'Subject: ' + r.json.subject + '\n\n' : '') + (r.json.text || '');
        result.appendChild(pre);
        if (r.json.changes && r.json.changes.length) {
          var what = document.createElement('ul');
          what.className = 'small text-secondary mb-2';
          what.setAttribute('data-testid', 'ai-' + kind + '-changes');
          r.json.changes.forEach(function (c) { var li = document.createElement('li'); li.textContent = c; what.appendChild(li); });
          result.appendChild(what);
        }
        var apply = document.createElement('button');
        apply.type = 'button';
        apply.className = 'btn btn-sm btn-primary';
        apply.textContent = 'Apply';
        apply.setAttribute('data-testid', 'ai-' + kind + '-apply');
        apply.addEventListener('click', function () {
          if (!p.suggestion) { return; }
          body.innerHTML = textToHtml(p.suggestion.text || '');
          if (p.suggestion.subject) { subject.value = p.suggestion.subject; }
          p.suggestion = null;
          apply.disabled = true;
          changed();
          p.set('applied');
          var note = p.section.querySelector('[data-role=stale-note]');
          if (note) { note.hidden = true; }
        });
        result.appendChild(apply);
      }
      var stale = document.createElement('div');
      stale.className = 'small text-warning mt-1';
      stale.hidden = true;
      stale.setAttribute('data-role', 'stale-note');
      stale.textContent = kind === 'score' ? 'You edited the draft after this score; run it again.'
        : 'You edited the draft after this suggestion; applying it replaces your edits.';
      result.appendChild(stale);
      p.set('ready');
    }, function (e) {
      if (e && e.name === 'AbortError') {
        p.set('idle');
        result.textContent = 'Cancelled. Nothing was changed.';
        result.setAttribute('data-testid', 'ai-' + kind + '-message');
        return;
      }
      p.set('error'); result.textContent = 'The server could not be reached.';
    });
  }

  // ---- send: confirm from and to, then the send API with a fresh Idempotency-Key
  var dialog = document.getElementById('send-dialog');
  var sendKey = null;
  var sendResult = document.getElementById('send-result');
  document.getElementById('c-send').addEventListener('click', function () {
    document.getElementById('send-from').value = root.dataset.me || '';
    document.getElementById('send-to').value = prospect.value && prospect.dataset.email ? prospect.dataset.email : '';
    document.getElementById('send-subject').textContent = subject.value || '(no subject)';
    sendKey = uuid(); // one key per confirmation: a double click or a retry of it cannot send twice
    dialog.showModal();
  });
  dialog.addEventListener('close', function () {
    if (dialog.returnValue !== 'send') { return; }
    var payload = { draftId: draftId, fromEmail: document.getElementById('send-from').value.trim(),
                    toEmail: document.getElementById('send-to').value.trim() };
    if (timer) { clearTimeout(timer); }
    sendResult.className = 'small text-secondary';
    sendResult.textContent = 'Saving the draft…';
    flushSave().then(function () {
      sendResult.textContent = 'Sending…';
      return post('/compose/api/send', payload, { 'Idempotency-Key': sendKey });
    }).then(function (r) {
      if (r.ok) {
        // the email's status, live: re-read on every email event until it settles (queued, sent, or blocked
        // with the reason)
        sendResult.className = 'small';
        sendResult.textContent = '';
        var live = document.createElement('span');
        live.setAttribute('hx-get', '/compose/emails/' + r.json.id + '/status');
        live.setAttribute('hx-trigger', 'load, mc-email from:body delay:300ms');
        live.setAttribute('hx-swap', 'innerHTML');
        live.setAttribute('data-testid', 'send-status');
        live.textContent = 'Queued for sending.';
        sendResult.appendChild(live);
        if (window.htmx) { htmx.process(live); }
      } else if (r.status === 404 && !(r.json && r.json.error && /Draft/.test(r.json.error.message))) {
        sendResult.className = 'small text-danger';
        sendResult.textContent = 'Sending is not available on this server (404). The draft is saved.';
      } else if (r.status >= 400 && r.status < 500) {
        sendResult.className = 'small text-danger';
        sendResult.textContent = 'Not sent: ' + message(r, 'the request was refused (' + r.status + ')');
      } else {
        sendResult.className = 'small text-danger';
        sendResult.textContent = 'Not sent: the server failed (' + r.status + '). Try again; the same confirmation will not send twice.';
      }
    }).catch(function (e) {
      sendResult.className = 'small text-danger';
      sendResult.textContent = e && e.message ? e.message : 'The server could not be reached.';
    });
  });
})();
