/* 订阅到手机日历: copy the address (asking before reset / turn off is wb.js's data-confirm). No framework, no network. */
(function () {
  'use strict';
  function status(text) {
    var s = document.getElementById('copy-status');
    if (s) { s.textContent = text; }
  }
  document.addEventListener('click', function (e) {
    var button = e.target.closest('[data-copy-target]');
    if (!button) { return; }
    var field = document.getElementById(button.getAttribute('data-copy-target'));
    var ok = button.getAttribute('data-copied');
    var failed = button.getAttribute('data-copy-failed');
    field.focus();
    field.select();
    field.setSelectionRange(0, field.value.length);
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { status(ok); }, function () {
        status(document.execCommand('copy') ? ok : failed);
      });
    } else {
      var copied = false;
      try { copied = document.execCommand('copy'); } catch (err) { copied = false; }
      status(copied ? ok : failed);
    }
  });
})();
