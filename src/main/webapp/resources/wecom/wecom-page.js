/*
 * WeCom's JS-SDK (vendored, served by us) for the page's own links, loaded only inside WeCom (wecom-sdk.xhtml):
 * - links marked data-wecom-close close WeCom's in-app window when a task is finished (ww.closeWindow);
 * - links marked data-wecom-preview="<URL of a signed link>" (the 收集表 exports) open the file in WeCom's file
 *   preview (ww.previewFile): the page asks our server for a short-lived signed link ({url, name, size}), because
 *   WeCom's webview does nothing useful with a plain download and its preview fetches the file without the page's
 *   session.
 * Outside WeCom nothing is loaded and both stay ordinary links; inside WeCom a failing SDK, signature or link also
 * falls back to following the link.
 */
(function () {
  'use strict';
  var me = document.currentScript;
  var closers = document.querySelectorAll('[data-wecom-close]');
  var previews = document.querySelectorAll('[data-wecom-preview]');
  if (!/wxwork\//i.test(navigator.userAgent) || !(closers.length || previews.length) || !me
      || !window.Promise || !window.fetch) {
    return;
  }
  var signatures = {};

  function json(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) { throw new Error(url + ' ' + r.status); }
        return r.json();
      });
  }

  function signed(url) {
    if (!signatures[url]) {
      signatures[url] = json(me.getAttribute('data-signature') + '?url=' + encodeURIComponent(url));
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
        jsApiList: ['closeWindow', 'previewFile'],
        getConfigSignature: function (url) { return signed(url).then(function (s) { return s.config; }); },
        getAgentConfigSignature: function (url) { return signed(url).then(function (s) { return s.agentConfig; }); }
      });
      resolve(window.ww);
    };
    sdk.onerror = reject;
    document.head.appendChild(sdk);
  });

  /** Runs `work` for a tap on `link`; if it fails or WeCom does not answer in `ms`, the link is followed. */
  function bind(link, ms, work) {
    link.addEventListener('click', function (e) {
      e.preventDefault();
      if (link.getAttribute('aria-busy') === 'true') { return; }
      link.setAttribute('aria-busy', 'true');
      var followed = false;
      function follow() {
        link.removeAttribute('aria-busy');
        if (!followed) { followed = true; window.location.href = link.href; }
      }
      // No answer in time: the person should not be left on a dead button.
      var timer = window.setTimeout(follow, ms);
      work().then(function () {
        followed = true;
        window.clearTimeout(timer);
        link.removeAttribute('aria-busy');
      }, function () { window.clearTimeout(timer); follow(); });
    });
  }

  Array.prototype.forEach.call(closers, function (link) {
    bind(link, 5000, function () {
      return ready.then(function (ww) { return ww.closeWindow(); });
    });
  });

  Array.prototype.forEach.call(previews, function (link) {
    // A large form's file is written once to measure it: allow more time than for closing a window.
    bind(link, 30000, function () {
      return Promise.all([ready, json(link.getAttribute('data-wecom-preview'))]).then(function (both) {
        var file = both[1];
        return both[0].previewFile({ url: file.url, name: file.name, size: file.size });
      });
    });
  });
})();
