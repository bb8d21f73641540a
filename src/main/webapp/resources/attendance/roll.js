/* 点名 (attendance/roll.xhtml): one tap cycles a student's mark; taps are kept in localStorage per meeting
 * occurrence until the server has them, so a mark made while the network is down is sent when it returns.
 * Each submit carries a batch id (kept with the taps): a post retried after a lost answer is stored once.
 * The answer is the page itself; #roll is swapped for the new one. No inline handlers (CSP). */
(function () {
  'use strict';
  var PREFIX = 'wb-roll:';

  function root() { return document.getElementById('roll'); }
  function key() { var r = root(); return r && r.getAttribute('data-key') ? PREFIX + r.getAttribute('data-key') : null; }

  function load() {
    var k = key();
    if (!k) { return null; }
    try { return JSON.parse(localStorage.getItem(k) || 'null'); } catch (e) { return null; }
  }
  function store(state) {
    var k = key();
    if (!k) { return; }
    try {
      if (state && Object.keys(state.taps).length) { localStorage.setItem(k, JSON.stringify(state)); }
      else { localStorage.removeItem(k); }
    } catch (e) { /* storage full or disabled: the page still holds the taps */ }
  }
  function label(mark) { return root().getAttribute('data-label-' + mark.toLowerCase()) || mark; }

  function show(row, mark) {
    row.setAttribute('data-mark', mark);
    row.className = row.className.replace(/\batt-[A-Z]+\b/, 'att-' + mark);
    row.querySelector('.att-mark').textContent = label(mark);
  }
  function status(text) {
    var s = document.getElementById('roll-status');
    if (s) { s.textContent = text || ''; }
  }
  function newBatch() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return 'b' + Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
  }

  /* The taps kept from before (a reload while offline) are shown again on top of the server's marks. */
  function restore() {
    var state = load();
    if (!state) { return; }
    Object.keys(state.taps).forEach(function (account) {
      var row = document.querySelector('.att-row[data-account="' + CSS.escape(account) + '"]');
      if (row) { show(row, state.taps[account][0]); }
    });
    if (state.batch) { status(root().getAttribute('data-pending')); send(); }
  }

  document.addEventListener('click', function (e) {
    var row = e.target.closest ? e.target.closest('.att-row') : null;
    if (!row || row.disabled) { return; }
    var cycle = (row.getAttribute('data-cycle') || '').split(' ');
    var i = cycle.indexOf(row.getAttribute('data-mark'));
    var next = cycle[(i + 1) % cycle.length];
    show(row, next);
    var state = load() || { taps: {}, batch: null };
    state.taps[row.getAttribute('data-account')] = [next, Date.now()];
    state.batch = null; // taps after a submit make a new batch
    store(state);
  });

  var sending = false;
  var retry = null;

  function send() {
    var form = document.getElementById('rollForm');
    var state = load() || { taps: {}, batch: null };
    if (!form || sending) { return; }
    if (!state.batch) { state.batch = newBatch(); store(state); }
    form.querySelector('#roll-batch').value = state.batch;
    form.querySelector('#roll-marks').value = Object.keys(state.taps).map(function (a) {
      return a + ':' + state.taps[a][0] + ':' + state.taps[a][1];
    }).join(';');
    var data = new FormData(form);
    var button = form.querySelector('input[type="submit"]');
    if (button) { data.append(button.name, button.value); }
    sending = true;
    status(root().getAttribute('data-sending'));
    fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (response) { return response.text().then(function (html) { return { ok: response.status, html: html }; }); })
      .then(function (answer) {
        sending = false;
        var doc = new DOMParser().parseFromString(answer.html, 'text/html');
        var fresh = doc.getElementById('roll');
        var result = doc.getElementById('roll-result');
        if (!fresh || !result || !result.getAttribute('data-state')) {
          status(root().getAttribute('data-failed'));
          return;
        }
        var now = load();
        if (result.getAttribute('data-state') !== 'refused') {
          // the server has this batch: forget what it carried, keep taps made since
          if (now && now.batch === state.batch) { store(null); }
          else if (now) {
            Object.keys(state.taps).forEach(function (a) {
              if (now.taps[a] && now.taps[a][1] === state.taps[a][1]) { delete now.taps[a]; }
            });
            store(now);
          }
        }
        root().innerHTML = fresh.innerHTML;
        carryNonce(doc);
        restoreOnly();
      })
      .catch(function () {
        sending = false;
        status(root().getAttribute('data-offline'));
        if (!retry) {
          retry = setInterval(function () { if (navigator.onLine !== false) { send(); } }, 10000);
        }
      });
  }

  /* PrimeFaces (CSP mode) wants each post to carry the nonce of the answer that rendered its form: the swapped-in
   * form gets the nonce of the answer it came with (wb.js does the same for a page's forms on load). */
  function carryNonce(doc) {
    var script = doc.querySelector('script[nonce]');
    var form = document.getElementById('rollForm');
    if (!script || !form) { return; }
    var field = form.querySelector('input[name="primefaces.nonce"]');
    if (!field) {
      field = document.createElement('input');
      field.type = 'hidden';
      field.name = 'primefaces.nonce';
      form.appendChild(field);
    }
    field.value = script.getAttribute('nonce');
  }

  function restoreOnly() {
    if (retry && !(load() || {}).batch) { clearInterval(retry); retry = null; }
    var state = load();
    if (!state) { return; }
    Object.keys(state.taps).forEach(function (account) {
      var row = document.querySelector('.att-row[data-account="' + CSS.escape(account) + '"]');
      if (row) { show(row, state.taps[account][0]); }
    });
  }

  document.addEventListener('submit', function (e) {
    if (e.target && e.target.id === 'rollForm') {
      e.preventDefault();
      e.stopImmediatePropagation();
      send();
    }
  }, true);

  window.addEventListener('online', function () {
    var state = load();
    if (state && state.batch) { send(); }
  });

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', restore); }
  else { restore(); }
})();
