/*
 * Links marked data-wecom-close close WeCom's in-app window when a task is finished (ww.closeWindow, JS-SDK served
 * by us). Outside WeCom nothing is loaded and they stay ordinary links; inside WeCom a failing SDK or signature also
 * falls back to following the link.
 */
(function () {
  'use strict';
  var me = document.currentScript;
  var links = document.querySelectorAll('[data-wecom-close]');
  if (!/wxwork\//i.test(navigator.userAgent) || !links.length || !me || !window.Promise || !window.fetch) {
    return;
  }
  var signatures = {};

  function signed(url) {
    if (!signatures[url]) {
      signatures[url] = fetch(me.getAttribute('data-signature') + '?url=' + encodeURIComponent(url), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      }).then(function (r) {
        if (!r.ok) { throw new Error('signature ' + r.status); }
        return r.json();
      });
    }
    return signatures[url];
  }

  var ready = new Promise(function (resolve, reject) {
    var sdk = document.createElement('script');
    sdk.src = me.getAttribute('data-sdk');
    sdk.onload = function () {
      window.ww.register({
        corpId: me.getAttribute('data-corp-id'),
        agentId: Number(me.getAttribute('data-agent-id')),
        jsApiList: ['closeWindow'],
        getConfigSignature: function (url) { return signed(url).then(function (s) { return s.config; }); },
        getAgentConfigSignature: function (url) { return signed(url).then(function (s) { return s.agentConfig; }); }
      });
      resolve(window.ww);
    };
    sdk.onerror = reject;
    document.head.appendChild(sdk);
  });

  Array.prototype.forEach.call(links, function (link) {
    link.addEventListener('click', function (e) {
      e.preventDefault();
      var followed = false;
      function follow() {
        if (!followed) { followed = true; window.location.href = link.href; }
      }
      // No answer from WeCom in 5 s: the person should not be left on a dead button.
      var timer = window.setTimeout(follow, 5000);
      ready.then(function (ww) { return ww.closeWindow(); })
        .then(function () { window.clearTimeout(timer); }, function () { window.clearTimeout(timer); follow(); });
    });
  });
})();
