// The approval inbox: keyboard review (j/k move, a approve, r reject, e edit, x select), decisions confirmed only
// after a required reason is given, the next draft opening after a decision, bulk approve/reject with one
// confirmation, and the detail as its own screen on a phone.
(function () {
  var inbox = document.getElementById('inbox');
  if (!inbox) { return; }
  var selected = new Set();
  var activeId = null;

  function rows() { return Array.prototype.slice.call(document.querySelectorAll('#queue .mc-queue-item')); }
  function rowOf(id) { return document.querySelector('#queue .mc-queue-item[data-draft="' + id + '"]'); }
  function typing(el) {
    return el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
  }
  function anyDialogOpen() { return !!document.querySelector('dialog[open]'); }
  function filterValues() {
    var values = {};
    var form = document.getElementById('inbox-filters');
    if (form) { new FormData(form).forEach(function (v, k) { if (v !== '') { values[k] = v; } }); }
    return values;
  }

  function markActive(id) {
    activeId = id;
    rows().forEach(function (r) {
      var on = r.dataset.draft === id;
      r.classList.toggle('active', on);
      r.setAttribute('aria-selected', on ? 'true' : 'false');
    });
  }
  function open(row) {
    if (!row) { return; }
    markActive(row.dataset.draft);
    row.scrollIntoView({ block: 'nearest' });
    row.querySelector('.mc-queue-open').click();
  }
  function move(step) {
    var all = rows();
    if (!all.length) { return; }
    var i = all.findIndex(function (r) { return r.dataset.draft === activeId; });
    i = i < 0 ? (step > 0 ? 0 : all.length - 1) : Math.max(0, Math.min(all.length - 1, i + step));
    open(all[i]);
  }
  // the draft to open after deciding the current one: the row below it, else the one above
  function nextAfter(id) {
    var all = rows();
    var i = all.findIndex(function (r) { return r.dataset.draft === id; });
    if (i < 0) { return all.length ? all[0].dataset.draft : ''; }
    var n = all[i + 1] || all[i - 1];
    return n ? n.dataset.draft : '';
  }

  // selection for bulk decisions survives the queue's live refresh
  function refreshSelection() {
    var visible = rows();
    visible.forEach(function (r) {
      var box = r.querySelector('[data-select]');
      if (box) { box.checked = selected.has(r.dataset.draft); }
      r.classList.toggle('active', r.dataset.draft === activeId);
    });
    var ids = visible.map(function (r) { return r.dataset.draft; });
    selected.forEach(function (id) { if (ids.indexOf(id) < 0) { selected.delete(id); } });
    document.querySelectorAll('[data-selected-count]').forEach(function (s) { s.textContent = selected.size; });
    document.querySelectorAll('[data-bulk]').forEach(function (b) { b.disabled = selected.size === 0; });
    var all = document.querySelector('[data-select-all]');
    if (all) {
      all.checked = selected.size > 0 && selected.size === visible.length;
      all.indeterminate = selected.size > 0 && selected.size < visible.length;
    }
  }
  function toggle(id, on) {
    if (on) { selected.add(id); } else { selected.delete(id); }
    refreshSelection();
  }

  document.addEventListener('change', function (e) {
    if (e.target.matches('[data-select]')) {
      toggle(e.target.closest('.mc-queue-item').dataset.draft, e.target.checked);
    } else if (e.target.matches('[data-select-all]')) {
      rows().forEach(function (r) { if (e.target.checked) { selected.add(r.dataset.draft); } else { selected.delete(r.dataset.draft); } });
      refreshSelection();
    }
  });
  document.addEventListener('click', function (e) {
    var openLink = e.target.closest('.mc-queue-open');
    if (openLink) { e.preventDefault(); markActive(openLink.closest('.mc-queue-item').dataset.draft); }
    if (e.target.closest('[data-inbox-back]')) { inbox.classList.remove('is-reading'); }
  });

  document.body.addEventListener('htmx:afterSwap', function (e) {
    if (e.detail.target.id === 'approval-detail') {
      var card = e.detail.target.querySelector('[data-testid="draft-detail"]');
      if (card) {
        markActive(card.dataset.draft);
        inbox.classList.add('is-reading');
      }
      if (window.matchMedia('(max-width: 991.98px)').matches) { window.scrollTo(0, 0); }
    }
    if (e.detail.target.id === 'queue' || (e.detail.elt && e.detail.elt.id === 'queue')) { refreshSelection(); }
  });
  // while drafts are selected, a live refresh does not replace the list under the reviewer's hands (their own
  // decisions still refresh it)
  function liveRefresh(detail) {
    var trigger = detail.requestConfig && detail.requestConfig.triggeringEvent;
    return trigger && (trigger.type === 'mc-draft' || trigger.type === 'mc-approval');
  }
  document.body.addEventListener('htmx:beforeRequest', function (e) {
    if (e.detail.elt && e.detail.elt.id === 'queue' && selected.size > 0 && liveRefresh(e.detail)) { e.preventDefault(); }
  });
  document.body.addEventListener('htmx:beforeSwap', function (e) {
    if (e.detail.target && e.detail.target.id === 'queue' && selected.size > 0 && liveRefresh(e.detail)) { e.detail.shouldSwap = false; }
  });
  // htmx:load fires on content it has just put in, including the queue's own outerHTML refresh
  document.addEventListener('htmx:load', function () { refreshSelection(); });

  // a decision: a required reason first, then one confirmation that says whether the channel can send
  function decide(button) {
    var form = button.form;
    var notes = form.querySelector('[name="notes"]');
    if (button.dataset.needsNotes && !notes.value.trim()) {
      notes.classList.add('is-invalid');
      form.querySelector('[data-testid="reason-required"]').textContent = 'A reason is required ' + button.dataset.needsNotes + '.';
      form.dataset.pending = button.value;
      notes.focus();
      return;
    }
    notes.classList.remove('is-invalid');
    var approves = button.value !== 'REJECT' && button.value !== 'REQUEST_CHANGES';
    var body = button.dataset.confirm;
    if (approves && form.dataset.canSend === 'false') {
      body += ' ' + form.dataset.channel + ' cannot send right now, so the outbound gateway will block it.';
    }
    window.mcConfirm({ title: button.textContent.replace(/\s+[ar]$/, '').trim(), body: body,
      confirmLabel: button.textContent.replace(/\s+[ar]$/, '').trim(), danger: button.value === 'REJECT' })
      .then(function (ok) {
        if (!ok) { return; }
        var values = filterValues();
        new FormData(form).forEach(function (v, k) { values[k] = v; });
        values.decision = button.value;
        var card = form.closest('[data-draft]');
        values.next = nextAfter(card ? card.dataset.draft : null);
        htmx.ajax('POST', form.getAttribute('hx-post'), { target: '#approval-detail', swap: 'innerHTML', values: values });
      });
  }
  document.addEventListener('click', function (e) {
    var button = e.target.closest('form.mc-decision button[name="decision"]');
    if (!button) { return; }
    e.preventDefault();
    decide(button);
  });
  document.addEventListener('input', function (e) {
    if (e.target.matches('form.mc-decision [name="notes"]')) { e.target.classList.remove('is-invalid'); }
  });

  // keyboard review
  document.addEventListener('keydown', function (e) {
    var form = document.querySelector('#approval-detail form.mc-decision');
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && form && e.target.matches('form.mc-decision [name="notes"]')) {
      e.preventDefault();
      var pending = form.querySelector('button[name="decision"][value="' + (form.dataset.pending || 'REJECT') + '"]');
      if (pending) { decide(pending); }
      return;
    }
    if (e.key === 'Escape' && typing(e.target) && e.target.closest('form.mc-decision, #inbox-filters')) { e.target.blur(); return; }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement) || anyDialogOpen()) { return; }
    switch (e.key) {
      case 'j': e.preventDefault(); move(1); break;
      case 'k': e.preventDefault(); move(-1); break;
      case 'x': {
        var row = activeId && rowOf(activeId);
        if (row && row.querySelector('[data-select]')) { e.preventDefault(); toggle(activeId, !selected.has(activeId)); }
        break;
      }
      case 'a': if (form) { e.preventDefault(); decide(form.querySelector('button[value="APPROVE"]')); } break;
      case 'r':
        if (form) {
          e.preventDefault();
          form.dataset.pending = 'REJECT';
          var notes = form.querySelector('[name="notes"]');
          notes.placeholder = 'Why is it rejected? Then Ctrl+Enter (or the Reject button).';
          notes.focus();
        }
        break;
      case 'e':
        if (form) {
          e.preventDefault();
          var edit = form.querySelector('details[data-edit]');
          edit.open = true;
          edit.querySelector('[name="body"]').focus();
          form.dataset.pending = 'EDIT_INLINE_APPROVE';
        }
        break;
      default:
    }
  });

  // bulk decisions: one dialog that asks the reason (to reject) and confirms
  var dialog = document.getElementById('bulk-dialog');
  var pendingBulk = null;
  document.addEventListener('click', function (e) {
    var button = e.target.closest('[data-bulk]');
    if (!button || !selected.size) { return; }
    pendingBulk = button.dataset.bulk;
    var ids = Array.from(selected);
    var n = ids.length;
    var reject = pendingBulk === 'REJECT';
    var what = n + (n === 1 ? ' draft' : ' drafts');
    dialog.querySelector('#bulk-title').textContent = (reject ? 'Reject ' : 'Approve ') + what;
    dialog.querySelector('[data-bulk-question]').textContent = reject
      ? 'Reject ' + what + '? None of them will be sent; each keeps your reason in its history.'
      : 'Approve ' + what + ' and hand each to the outbound gateway? If dry run is off, they are sent. Each is recorded as its own decision.';
    var blocked = {};
    ids.forEach(function (id) {
      var r = rowOf(id);
      if (r && r.dataset.canSend === 'false') { blocked[r.dataset.channel] = (blocked[r.dataset.channel] || 0) + 1; }
    });
    var warn = dialog.querySelector('[data-bulk-cannot-send]');
    var blockedTotal = 0;
    var parts = Object.keys(blocked).map(function (c) {
      blockedTotal += blocked[c];
      return blocked[c] + ' ' + c + (blocked[c] === 1 ? ' draft' : ' drafts');
    });
    warn.hidden = reject || !parts.length;
    warn.textContent = parts.length ? parts.join(' and ') + ' cannot be sent right now (the channel cannot send): the outbound gateway will block ' + (blockedTotal === 1 ? 'it.' : 'them.') : '';
    dialog.querySelector('[data-bulk-reason-group]').hidden = !reject;
    var reason = dialog.querySelector('#bulk-reason');
    reason.value = '';
    reason.classList.remove('is-invalid');
    var ok = dialog.querySelector('[data-bulk-ok]');
    ok.textContent = (reject ? 'Reject ' : 'Approve ') + what;
    ok.className = 'btn ' + (reject ? 'btn-danger' : 'btn-success');
    dialog.showModal();
    (reject ? reason : ok).focus();
  });
  if (dialog) {
    dialog.querySelector('[data-bulk-ok]').addEventListener('click', function () {
      var reason = dialog.querySelector('#bulk-reason');
      if (pendingBulk === 'REJECT' && !reason.value.trim()) { reason.classList.add('is-invalid'); reason.focus(); return; }
      var ids = Array.from(selected);
      var etags = ids.map(function (id) { var r = rowOf(id); return r ? id + ':' + r.dataset.etag : null; }).filter(Boolean);
      dialog.close();
      selected.clear();
      htmx.ajax('POST', '/approvals/bulk', { target: '#inbox-outcome', swap: 'innerHTML',
        values: { decision: pendingBulk, draftIds: ids.join(','), reason: reason.value, etags: etags.join(',') } });
      refreshSelection();
    });
    dialog.querySelector('#bulk-reason').addEventListener('input', function (e) { e.target.classList.remove('is-invalid'); });
  }
  refreshSelection();
})();
