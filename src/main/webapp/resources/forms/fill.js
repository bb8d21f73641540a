/* Filling a form: a change to a plain choice input is kept as a draft through the hidden Ajax button. */
(function () {
  'use strict';
  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('[data-draft]')) {
      var b = document.getElementById('draft-sync');
      if (b) {
        b.click();
      }
    }
  });
})();
