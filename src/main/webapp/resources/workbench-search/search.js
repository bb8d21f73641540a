/* Issue 21: search as one types. The box is a plain GET form to /search (it works without this
   script); here each change (after 250 ms of quiet) fetches the results' markup (escaped by the
   server) and puts it under the box, and the count is announced (role=status). ↓ from the box goes
   to the first result, ↑/↓ move between results, Esc goes back to the box and clears it. */
(function () {
  'use strict';
  var form = document.getElementById('search');
  if (!form || !window.fetch) { return; }
  var input = document.getElementById('search-q');
  var results = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var url = form.getAttribute('data-search-url');
  var timer = null, last = null, seq = 0, controller = null;

  function items() { return Array.prototype.slice.call(results.querySelectorAll('a[data-search-item]')); }

  function show(html, query) {
    results.innerHTML = html;
    var count = results.querySelector('[data-count]');
    status.textContent = count ? count.textContent : '';
    form.setAttribute('data-searched', query);
  }

  function run() {
    var q = input.value.trim().slice(0, 40);
    if (q === last) { return; }
    last = q;
    var mine = ++seq;
    if (controller) { controller.abort(); }
    if (!q) { show('', ''); return; }
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + encodeURIComponent(q), {
      credentials: 'same-origin', headers: { 'Accept': 'text/html' },
      signal: controller ? controller.signal : undefined
    }).then(function (r) {
      if (r.redirected || !r.ok) { throw new Error('search ' + r.status); }
      return r.text();
    }).then(function (html) {
      if (mine === seq) { show(html, q); }
    }).catch(function () { /* aborted or offline: the form still works with 搜索 */ });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    last = null;
    run();
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') {
      var list = items();
      if (list.length) { e.preventDefault(); list[0].focus(); }
    } else if (e.key === 'Escape') {
      input.value = '';
      clearTimeout(timer);
      run();
    }
  });
  results.addEventListener('keydown', function (e) {
    var list = items();
    var at = list.indexOf(document.activeElement);
    if (at < 0) { return; }
    if (e.key === 'ArrowDown' && at < list.length - 1) {
      e.preventDefault(); list[at + 1].focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault(); (at === 0 ? input : list[at - 1]).focus();
    } else if (e.key === 'Escape') {
      e.preventDefault(); input.focus();
    } else if (e.key === 'Home') {
      e.preventDefault(); list[0].focus();
    } else if (e.key === 'End') {
      e.preventDefault(); list[list.length - 1].focus();
    }
  });
  // The search page without script came with results: announce nothing, keep them.
  if (input.value.trim()) { last = input.value.trim(); }
})();
