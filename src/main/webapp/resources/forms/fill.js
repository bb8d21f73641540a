/*
 * Filling a form: the automatic draft. What is typed (text inputs by their data-qid, choices named c<question id>) is
 * sent as JSON through the page's small draft form (a Faces Ajax post of its own, so a chosen file is never sent with
 * it) after every change, every 15 seconds while something changed, and when the page is left or hidden (keepalive,
 * so the post outlives the page). Nothing is sent for a few seconds after 提交, nor when nothing changed.
 * One post at a time: a change while one is on its way is sent, newest first, when it is back. (Two at once — the
 * mobile number's change fires when a tick is tapped, the tick's right after — could arrive out of order, and both
 * land on the same view-scoped bean, so the older one could be kept last; the newest was then never sent again
 * because it equalled `last`. That was FormUploadsAndDraftsIT's flake.) A post that failed, or that Faces answered
 * with an error, is sent again at the next change or tick of the 15-second timer.
 */
(function () {
  'use strict';
  var last = null;
  var submittedAt = 0;
  var inFlight = false;
  var again = false;

  function fillForm() {
    return document.getElementById('fill');
  }

  function draftForm() {
    return document.querySelector('form[data-draft-form]');
  }

  function collect(form) {
    var t = {};
    var c = {};
    form.querySelectorAll('[data-qid]').forEach(function (el) {
      if (el.value !== '') {
        t[el.getAttribute('data-qid')] = el.value;
      }
    });
    form.querySelectorAll('input[name^="c"]:checked, select[name^="c"]').forEach(function (el) {
      var q = el.name.substring(1);
      if (!/^[0-9]+$/.test(q)) {
        return;
      }
      if (el.type === 'checkbox') {
        (c[q] = c[q] || []).push(el.value);
      } else if (el.value) {
        t[q] = el.value;
      }
    });
    return JSON.stringify({t: t, c: c});
  }

  function sync(leaving) {
    var form = fillForm();
    var draft = draftForm();
    if (!form || !draft || Date.now() - submittedAt < 8000) {
      return;
    }
    var json = collect(form);
    if (json === last) {
      return;
    }
    if (inFlight && !leaving) {
      again = true;
      return;
    }
    last = json;
    inFlight = true;
    draft.querySelector('input[name="draft-json"]').value = json;
    var body = new URLSearchParams(new FormData(draft));
    body.append('draft-sync', 'draft');
    body.append('jakarta.faces.partial.ajax', 'true');
    body.append('jakarta.faces.source', 'draft-sync');
    // Faces takes an Ajax post as the button's click only with this event named.
    body.append('jakarta.faces.partial.event', 'click');
    body.append('jakarta.faces.partial.execute', 'draft');
    body.append('jakarta.faces.partial.render', '@none');
    window.fetch(draft.action, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      keepalive: !!leaving,
      headers: {'Faces-Request': 'partial/ajax'}
    }).then(function (r) {
      return r.text().then(function (text) {
        var ok = r.ok && text.indexOf('<error') < 0 && text.indexOf('<redirect') < 0;
        document.documentElement.setAttribute('data-draft-saved', String(ok));
        if (!ok) {
          last = null;
        }
      });
    }).catch(function () {
      last = null;
    }).then(function () {
      inFlight = false;
      if (again) {
        again = false;
        sync(false);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = fillForm();
    if (form && draftForm()) {
      last = collect(form);
      window.setInterval(function () {
        sync(false);
      }, 15000);
    }
  });
  document.addEventListener('change', function (e) {
    if (e.target.closest && e.target.closest('#fill') && e.target.type !== 'file') {
      sync(false);
    }
  });
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('#submit')) {
      submittedAt = Date.now();
    }
  }, true);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      sync(true);
    }
  });
  window.addEventListener('pagehide', function () {
    sync(true);
  });
})();
