/*
 * The few behaviours every page shares, bound by data attributes instead of inline handlers: the Content-Security-
 * Policy allows no inline script without the page's nonce, and handlers written into the markup have none.
 *   data-confirm="text"            a button asks before it acts (capture phase: before any Ajax handler runs)
 *   data-max-bytes="n"             a file input refuses a larger file in the browser (every file of a multiple one);
 *                                  data-too-large="id" names the message it shows, which says the limit (the file is
 *                                  cleared, the rest of the form stays); data-bad-type="id" the message for a file
 *                                  that is not of the input's accept list; data-photo-side="1600": a JPEG or PNG photo
 *                                  over 1 MB (or over the limit) with a longer side than that is first downscaled in
 *                                  the browser (canvas, JPEG 0.85, never below that side) and sent only if it then fits
 *   data-needs-file="id"           a button that uploads the file of input id does nothing while that input is empty
 *                                  after a refused file (the message beside the field stays; no "choose a file" page)
 *   data-upload-progress="id"      a form whose Ajax submit carries files shows the <progress> with that id while
 *                                  they go up (PrimeFaces' Ajax posts a multipart form through one XMLHttpRequest)
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

  function show(id, on) {
    var note = id ? document.getElementById(id) : null;
    if (note) {
      note.hidden = !on;
      note.classList.toggle('dir-hidden', !on);
    }
  }

  function typeAllowed(el, f) {
    var accept = (el.getAttribute('accept') || '').split(',').map(function (x) {
      return x.trim().toLowerCase();
    }).filter(Boolean);
    var name = (f.name || '').toLowerCase();
    var type = (f.type || '').toLowerCase();
    // The list as the input's accept has it: file name endings (.csv), types (image/png) and type families
    // (image/*). No list, or a file the phone names no type for: the server decides by content.
    return accept.length === 0 || accept.some(function (a) {
      if (a.charAt(0) === '.') {
        return name.length > a.length && name.slice(-a.length) === a;
      }
      if (a.slice(-2) === '/*') {
        return !type || type.indexOf(a.slice(0, -1)) === 0;
      }
      return !type || type === a;
    });
  }

  var PHOTO = /^image\/(jpeg|png)$/;

  /** A smaller JPEG of photo f (long side `side`), or null when the browser cannot read it. */
  function downscale(f, side) {
    if (!window.createImageBitmap || !window.HTMLCanvasElement) {
      return Promise.resolve(null);
    }
    return window.createImageBitmap(f).then(function (img) {
      var scale = Math.min(1, side / Math.max(img.width, img.height));
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(img.width * scale);
      canvas.height = Math.round(img.height * scale);
      canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          resolve(blob ? new File([blob], f.name.replace(/\.[^.]*$/, '') + '.jpg',
            {type: 'image/jpeg', lastModified: Date.now()}) : null);
        }, 'image/jpeg', 0.85);
      });
    }).catch(function () {
      return null;
    });
  }

  function checkFiles(el) {
    var max = Number(el.getAttribute('data-max-bytes'));
    var side = Number(el.getAttribute('data-photo-side') || 0);
    var files = Array.prototype.slice.call(el.files || []);
    var form = el.form;
    var buttons = form ? form.querySelectorAll('[type=submit]') : [];
    el.removeAttribute('data-refused');
    show(el.getAttribute('data-too-large'), false);
    show(el.getAttribute('data-bad-type'), false);
    if (files.some(function (f) { return !typeAllowed(el, f); })) {
      el.value = '';
      el.setAttribute('data-refused', 'type');
      show(el.getAttribute('data-bad-type') || el.getAttribute('data-too-large'), true);
      return;
    }
    var work = files.map(function (f) {
      var shrink = side > 0 && window.DataTransfer && PHOTO.test(f.type) && (f.size > max || f.size > 1048576);
      return shrink ? downscale(f, side).then(function (small) {
        return small && small.size < f.size ? small : f;
      }) : Promise.resolve(f);
    });
    el.setAttribute('data-pending', '1');
    buttons.forEach(function (b) { b.disabled = true; });
    Promise.all(work).then(function (out) {
      el.removeAttribute('data-pending');
      buttons.forEach(function (b) { b.disabled = false; });
      if (out.some(function (f) { return f.size > max; })) {
        el.value = '';
        el.setAttribute('data-refused', 'size');
        show(el.getAttribute('data-too-large'), true);
        return;
      }
      if (out.some(function (f, i) { return f !== files[i]; })) {
        var dt = new DataTransfer();
        out.forEach(function (f) { dt.items.add(f); });
        el.files = dt.files;
        el.setAttribute('data-downscaled', String(out.reduce(function (n, f) { return n + f.size; }, 0)));
      }
    });
  }

  var uploading = null;

  document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('[data-needs-file]') : null;
    var input = b ? document.getElementById(b.getAttribute('data-needs-file')) : null;
    if (input && (!input.files || input.files.length === 0) && input.getAttribute('data-refused')) {
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }
    var form = e.target.closest ? e.target.closest('form[data-upload-progress]') : null;
    if (form && e.target.closest('[type=submit]')) {
      var chosen = Array.prototype.some.call(form.querySelectorAll('input[type=file]'), function (x) {
        return x.files && x.files.length > 0;
      });
      uploading = chosen ? document.getElementById(form.getAttribute('data-upload-progress')) : null;
    }
  }, true);

  // PrimeFaces posts through jQuery: the XMLHttpRequest it makes for a submit with files reports the upload.
  document.addEventListener('DOMContentLoaded', function () {
    var $ = window.jQuery;
    if (!$ || !$.ajaxSettings || !$.ajaxSettings.xhr) {
      return;
    }
    var make = $.ajaxSettings.xhr;
    $.ajaxSettings.xhr = function () {
      var x = make();
      var bar = uploading;
      uploading = null;
      if (bar && x.upload) {
        bar.hidden = false;
        bar.value = 0;
        x.upload.addEventListener('progress', function (p) {
          if (p.lengthComputable) {
            bar.max = p.total;
            bar.value = p.loaded;
          }
        });
        x.addEventListener('loadend', function () {
          bar.hidden = true;
        });
      }
      return x;
    };
  });

  document.addEventListener('change', function (e) {
    var el = e.target;
    if (el.matches && el.matches('input[type=file][data-max-bytes]')) {
      checkFiles(el);
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

  // PrimeFaces' multiple AutoComplete (the people picker) draws its chips as a list with role="listbox" whose
  // items are not options: screen readers are told of a list box with nothing to choose. It is a plain list of the
  // chosen chips and the typing box; the list gets a name.
  function plainPickerLists() {
    document.querySelectorAll('.wb-picker ul.ui-autocomplete-multiple-container[role]').forEach(function (ul) {
      var input = ul.querySelector('input');
      ul.removeAttribute('role');
      ul.removeAttribute('aria-orientation');
      if (input && input.getAttribute('aria-label') && !ul.getAttribute('aria-label')) {
        ul.setAttribute('aria-label', input.getAttribute('aria-label'));
      }
      ul.querySelectorAll('li[role], li[aria-selected]').forEach(function (li) {
        li.removeAttribute('role');
        li.removeAttribute('aria-selected');
      });
    });
  }
  document.addEventListener('DOMContentLoaded', plainPickerLists);
  if (window.MutationObserver) {
    new MutationObserver(plainPickerLists).observe(document.documentElement, {childList: true, subtree: true});
  }
})();
