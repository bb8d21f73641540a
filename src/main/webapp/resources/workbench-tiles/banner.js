/* Home page banners (issue 21): a banner closed by this person on this device stays closed
   (localStorage, per account). Loaded right after the banners, so a closed one is removed before
   the page is painted. */
(function () {
  var box = document.getElementById('banners');
  if (!box) { return; }
  var key = 'wb.banners.closed.' + (box.getAttribute('data-banner-owner') || '');
  var closed = [];
  try { closed = JSON.parse(window.localStorage.getItem(key) || '[]') || []; } catch (e) { closed = []; }
  function save() {
    try { window.localStorage.setItem(key, JSON.stringify(closed.slice(-50))); } catch (e) { /* private mode */ }
  }
  var banners = box.querySelectorAll('[data-banner]');
  for (var i = 0; i < banners.length; i++) {
    if (closed.indexOf(banners[i].getAttribute('data-banner')) >= 0) {
      banners[i].parentNode.removeChild(banners[i]);
    }
  }
  box.addEventListener('click', function (ev) {
    var button = ev.target.closest ? ev.target.closest('[data-banner-close]') : null;
    if (!button) { return; }
    var id = button.getAttribute('data-banner-close');
    if (closed.indexOf(id) < 0) { closed.push(id); save(); }
    var banner = document.getElementById('banner-' + id);
    if (banner) { banner.parentNode.removeChild(banner); }
  });
})();
