/*
 * The few behaviours every page shares, bound by data attributes instead of inline handlers: the Content-Security-
 * Policy allows no inline script without the page's nonce, and handlers written into the markup have none.
 *   data-confirm="text"            a button asks before it acts (capture phase: before any Ajax handler runs)
 *   data-max-bytes="n"             a file input refuses a larger file in the browser; data-too-large="id" names the
 *                                  message it shows (the file is cleared, the rest of the form stays)
 *   data-submit-once               a form sends once; its submit button's data-busy text shows meanwhile
 *   data-check-all="selector"      a checkbox ticks or unticks every checkbox the selector finds
 *   data-toggles="id"              a checkbox shows the element with that id while it is ticked
 *   data-keep-scroll               a button whose page comes back where it was (↑/↓ in a long list): the scroll
 *                                  position is kept in sessionStorage for the next load of the same path
 *   data-copy="id"                 a button copies the text of the field with that id (and says so: data-copied)
 *   data-toast                     a .wb-toast note hides itself after a few seconds
 *   data-autosize                  a (read-only) textarea grows to show all its text
 * and every Faces form carries the page's nonce back (primefaces.nonce): PrimeFaces refuses a postback without it,
 * and forms on pages without PrimeFaces widgets have no other script to add it.
 */
(function () {
  'use strict';
  var nonce = document.currentScript ? document.currentScript.nonce : '';

  function carryNonce(form) {
    if (!nonce || !form.querySelector || !form.querySelector('input[name="jakarta.faces.ViewState"]')) {
      return;
    }
    var field = form.querySelector('input[name="primefaces.nonce"]');
    if (!field) {
      field = document.createElement('input');
      field.type = 'hidden';
      field.name = 'primefaces.nonce';
      form.appendChild(field);
    }
    field.value = nonce;
  }

  var scrollKey = 'wb-scroll:' + location.pathname;
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form').forEach(carryNonce);
    var kept = null;
    try {
      kept = sessionStorage.getItem(scrollKey);
      sessionStorage.removeItem(scrollKey);
    } catch (ignored) { /* storage refused: the page opens at the top */ }
    if (kept !== null) {
      window.scrollTo(0, Number(kept));
    }
    // A read-only box shows all its text: as tall as its lines (long URLs wrap).
    document.querySelectorAll('textarea[data-autosize]').forEach(function (t) {
      t.style.height = 'auto';
      t.style.height = t.scrollHeight + 2 + 'px';
    });
    document.querySelectorAll('[data-toast]').forEach(function (t) {
      setTimeout(function () { t.hidden = true; }, 4000);
    });
  });
  document.addEventListener('click', function (e) {
    var keep = e.target.closest ? e.target.closest('[data-keep-scroll]') : null;
    if (keep) {
      try {
        sessionStorage.setItem(scrollKey, String(window.scrollY));
      } catch (ignored) { /* no storage: nothing kept */ }
    }
    var copy = e.target.closest ? e.target.closest('[data-copy]') : null;
    if (copy) {
      var field = document.getElementById(copy.getAttribute('data-copy'));
      if (field) {
        var text = field.value !== undefined ? field.value : field.textContent;
        var said = function () {
          var done = copy.getAttribute('data-copied');
          if (done) {
            var was = copy.textContent;
            copy.textContent = done;
            setTimeout(function () { copy.textContent = was; }, 2000);
          }
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(said, function () {
            field.select && field.select();
            document.execCommand('copy');
            said();
          });
        } else {
          field.select && field.select();
          document.execCommand('copy');
          said();
        }
      }
    }
  });
  document.addEventListener('submit', function (e) {
    carryNonce(e.target);
  }, true);
  document.addEventListener('click', function (e) {
    var el = e.target.closest ? e.target.closest('[data-confirm]') : null;
    if (el && !window.confirm(el.getAttribute('data-confirm'))) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener('change', function (e) {
    var el = e.target;
    if (el.matches && el.matches('input[type=file][data-max-bytes]')) {
      var f = el.files && el.files[0];
      var big = !!f && f.size > Number(el.getAttribute('data-max-bytes'));
      var note = document.getElementById(el.getAttribute('data-too-large'));
      if (note) {
        note.hidden = !big;
        note.classList.toggle('dir-hidden', !big);
      }
      if (big) {
        el.value = '';
      }
    }
    if (el.matches && el.matches('input[data-toggles]')) {
      var target = document.getElementById(el.getAttribute('data-toggles'));
      if (target) {
        target.hidden = !el.checked;
      }
    }
    if (el.matches && el.matches('input[data-check-all]')) {
      document.querySelectorAll(el.getAttribute('data-check-all')).forEach(function (x) {
        x.checked = el.checked;
      });
    }
  });

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.hasAttribute || !form.hasAttribute('data-submit-once')) {
      return;
    }
    if (form.getAttribute('data-sent')) {
      e.preventDefault();
      return;
    }
    form.setAttribute('data-sent', '1');
    var b = form.querySelector('[data-busy]');
    if (b) {
      b.value = b.getAttribute('data-busy');
    }
  });
})();
