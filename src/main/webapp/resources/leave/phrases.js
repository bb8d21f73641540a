/* Quick phrases (issue 18, item 7): one tap puts a phrase into its text box (after what was typed, once). The
   chips are hidden and the select shown until this runs, so the page works without JavaScript. */
(function () {
  'use strict';
  if (window.lvPhrases) {
    return;
  }
  window.lvPhrases = true;
  function ready() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-phrases-for]'), function (box) {
      box.hidden = false;
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-phrases-select]'), function (row) {
      row.hidden = true;
      var select = row.querySelector('select');
      if (select) {
        select.value = '';
      }
    });
  }
  document.addEventListener('click', function (e) {
    var chip = e.target.closest ? e.target.closest('button[data-phrase]') : null;
    if (!chip) {
      return;
    }
    e.preventDefault();
    var box = document.getElementById(chip.getAttribute('data-target'));
    if (!box) {
      return;
    }
    var phrase = chip.getAttribute('data-phrase');
    var typed = box.value.replace(/\s+$/, '');
    if (typed.indexOf(phrase) < 0) {
      box.value = typed ? typed + ' ' + phrase : phrase;
    }
    box.focus();
  });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
}());
