/* 常用 and 最近使用 on the workbench home (issue 21). The server renders the row as links; this script adds
 * 编辑: a ☆ on every tile to pin or unpin it, and on each pinned tile a drag handle (pointer events: mouse, pen and
 * touch) and 上移/下移/移除 buttons for keyboard and screen-reader users (focus stays on the moved tile's button,
 * the new place is announced). Every change is posted to /portal/favourites with the session's token; the answer
 * is the row as stored, which the page then shows, or a message (e.g. the limit of 12) and nothing changes. An
 * external tile opened from the page is reported with a beacon (internal ones are recorded by the server). */
(function () {
  'use strict';
  var section = document.getElementById('favourites');
  if (!section) {
    return;
  }
  var row = document.getElementById('fav-row');
  var empty = document.getElementById('fav-empty');
  var status = document.getElementById('fav-status');
  var edit = document.getElementById('fav-edit');
  var endpoint = section.getAttribute('data-endpoint');
  var token = section.getAttribute('data-token');
  var editLabel = edit.textContent;
  var busy = false;

  function label(key, a, b) {
    return (section.getAttribute('data-l-' + key) || '')
      .replace('{0}', a == null ? '' : a).replace('{1}', b == null ? '' : b);
  }

  function tileIdOf(a) {
    var m = /(\d+)$/.exec(a.id || '');
    return m ? m[1] : a.getAttribute('data-tile-id');
  }

  function nameOf(id) {
    var a = document.getElementById('tile-' + id) || document.getElementById('fav-tile-' + id);
    if (!a) {
      return '';
    }
    var n = a.querySelector('.wb-tile-name');
    return n ? n.textContent : a.getAttribute('data-tile');
  }

  function ids() {
    return Array.prototype.map.call(row.querySelectorAll('.wb-fav-item'), function (li) {
      return li.getAttribute('data-id');
    });
  }

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle('wb-fav-error', !!isError);
    if (isError) {
      status.setAttribute('role', 'alert');
    } else {
      status.setAttribute('role', 'status');
    }
  }

  function post(params) {
    var body = new URLSearchParams(params);
    body.set('token', token);
    return fetch(endpoint, {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8'}, body: body.toString()
    }).then(function (res) {
      return res.json().catch(function () { return {ok: false, message: label('error')}; });
    }, function () { return {ok: false, message: label('error')}; });
  }

  function button(cls, text, aria) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = text;
    b.setAttribute('aria-label', aria);
    return b;
  }

  /* The tools of one pinned tile: drag handle, up, down, remove. */
  function addTools(li) {
    if (li.querySelector('.wb-fav-tools')) {
      return;
    }
    var id = li.getAttribute('data-id');
    var name = nameOf(id);
    var tools = document.createElement('span');
    tools.className = 'wb-fav-tools';
    var handle = document.createElement('span');
    handle.className = 'wb-fav-handle';
    handle.setAttribute('aria-hidden', 'true');
    handle.title = label('drag', name);
    handle.textContent = '⠿';
    tools.appendChild(handle);
    tools.appendChild(button('wb-fav-up', '↑', label('up', name)));
    tools.appendChild(button('wb-fav-down', '↓', label('down', name)));
    tools.appendChild(button('wb-fav-unpin', '✕', label('remove', name)));
    li.appendChild(tools);
    handle.addEventListener('pointerdown', startDrag);
  }

  /* A pinned tile's entry made from the scene's tile: same link, icon, name and badge, no description. */
  function itemFor(id) {
    var source = document.getElementById('tile-' + id);
    if (!source) {
      return null;
    }
    var li = document.createElement('li');
    li.className = 'wb-fav-item';
    li.setAttribute('data-id', id);
    var a = source.cloneNode(true);
    a.id = 'fav-tile-' + id;
    a.classList.add('wb-tile-compact');
    a.setAttribute('data-tile-id', id);
    var desc = a.querySelector('.wb-tile-desc');
    if (desc) {
      desc.parentNode.removeChild(desc);
    }
    li.appendChild(a);
    return li;
  }

  function markButtons() {
    var items = row.querySelectorAll('.wb-fav-item');
    Array.prototype.forEach.call(items, function (li, i) {
      var up = li.querySelector('.wb-fav-up');
      var down = li.querySelector('.wb-fav-down');
      if (up) {
        up.setAttribute('aria-disabled', i === 0 ? 'true' : 'false');
        down.setAttribute('aria-disabled', i === items.length - 1 ? 'true' : 'false');
      }
    });
    empty.hidden = items.length > 0;
    var pinned = ids();
    Array.prototype.forEach.call(document.querySelectorAll('.wb-fav-star'), function (star) {
      var id = star.getAttribute('data-id');
      var on = pinned.indexOf(id) >= 0;
      star.setAttribute('aria-pressed', on ? 'true' : 'false');
      star.textContent = on ? '★' : '☆';
      star.setAttribute('aria-label', label(on ? 'unpin' : 'pin', nameOf(id)));
    });
  }

  /* Shows the row as the server stored it, keeping the elements (and focus) of tiles already there. */
  function show(newIds) {
    var existing = {};
    Array.prototype.forEach.call(row.querySelectorAll('.wb-fav-item'), function (li) {
      existing[li.getAttribute('data-id')] = li;
    });
    newIds.forEach(function (n) {
      var id = String(n);
      var li = existing[id] || itemFor(id);
      delete existing[id];
      if (li) {
        addTools(li);
        row.appendChild(li);
      }
    });
    Object.keys(existing).forEach(function (id) {
      row.removeChild(existing[id]);
    });
    markButtons();
  }

  function change(params, after) {
    if (busy) {
      return;
    }
    busy = true;
    post(params).then(function (answer) {
      busy = false;
      if (answer.ok) {
        show(answer.ids);
        if (after) {
          after();
        }
      } else {
        say(answer.message || label('error'), true);
        show(ids());
      }
    });
  }

  function setEditing(on) {
    document.body.classList.toggle('wb-fav-editing', on);
    section.classList.toggle('is-editing', on);
    edit.setAttribute('aria-pressed', on ? 'true' : 'false');
    edit.textContent = on ? edit.getAttribute('data-done') : editLabel;
    if (!on) {
      say('');
    }
  }

  edit.hidden = false;
  edit.addEventListener('click', function () {
    setEditing(!section.classList.contains('is-editing'));
  });

  /* A ☆ on every tile of the scenes (shown while editing). */
  Array.prototype.forEach.call(document.querySelectorAll('.wb-scene a.wb-tile'), function (a) {
    var id = tileIdOf(a);
    if (!id) {
      return;
    }
    var star = button('wb-fav-star', '☆', label('pin', nameOf(id)));
    star.setAttribute('data-id', id);
    star.setAttribute('aria-pressed', 'false');
    a.parentNode.classList.add('wb-fav-has-star');
    a.parentNode.appendChild(star);
    star.addEventListener('click', function () {
      var on = star.getAttribute('aria-pressed') === 'true';
      change({action: on ? 'unpin' : 'pin', tile: id}, function () {
        say('');
        star.focus();
      });
    });
  });

  Array.prototype.forEach.call(row.querySelectorAll('.wb-fav-item'), addTools);
  markButtons();

  row.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('button') : null;
    if (!b || !row.contains(b)) {
      return;
    }
    var li = b.closest('.wb-fav-item');
    var id = li.getAttribute('data-id');
    if (b.classList.contains('wb-fav-unpin')) {
      var next = li.nextElementSibling || li.previousElementSibling;
      var nextId = next ? next.getAttribute('data-id') : null;
      change({action: 'unpin', tile: id}, function () {
        var target = nextId && row.querySelector('.wb-fav-item[data-id="' + nextId + '"] .wb-fav-unpin');
        (target || edit).focus();
        say('');
      });
      return;
    }
    var up = b.classList.contains('wb-fav-up');
    if (!up && !b.classList.contains('wb-fav-down')) {
      return;
    }
    if (b.getAttribute('aria-disabled') === 'true') {
      return;
    }
    change({action: up ? 'up' : 'down', tile: id}, function () {
      var moved = row.querySelector('.wb-fav-item[data-id="' + id + '"]');
      var again = moved.querySelector(up ? '.wb-fav-up' : '.wb-fav-down');
      (again.getAttribute('aria-disabled') === 'true'
        ? moved.querySelector(up ? '.wb-fav-down' : '.wb-fav-up') : again).focus();
      say(label('moved', nameOf(id), ids().indexOf(id) + 1));
    });
  });

  /* Drag by the handle: the tile follows the pointer through the list; on release the order is posted. */
  var dragging = null;
  var before = null;

  function startDrag(e) {
    if (busy || (e.pointerType === 'mouse' && e.button !== 0)) {
      return;
    }
    e.preventDefault();
    dragging = e.currentTarget.closest('.wb-fav-item');
    before = ids();
    dragging.classList.add('wb-fav-dragging');
    try {
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch (ignored) {
      // the window's listeners below follow the pointer anyway
    }
    window.addEventListener('pointermove', moveDrag);
    window.addEventListener('pointerup', endDrag);
    window.addEventListener('pointercancel', endDrag);
  }

  function moveDrag(e) {
    if (!dragging) {
      return;
    }
    var items = row.querySelectorAll('.wb-fav-item');
    for (var i = 0; i < items.length; i++) {
      var li = items[i];
      if (li === dragging) {
        continue;
      }
      var r = li.getBoundingClientRect();
      if (e.clientY >= r.top && e.clientY <= r.bottom) {
        var after = e.clientY > r.top + r.height / 2;
        row.insertBefore(dragging, after ? li.nextSibling : li);
        break;
      }
    }
  }

  function endDrag() {
    window.removeEventListener('pointermove', moveDrag);
    window.removeEventListener('pointerup', endDrag);
    window.removeEventListener('pointercancel', endDrag);
    if (!dragging) {
      return;
    }
    var li = dragging;
    dragging = null;
    li.classList.remove('wb-fav-dragging');
    var now = ids();
    if (now.join(',') === before.join(',')) {
      return;
    }
    var id = li.getAttribute('data-id');
    change({action: 'order', ids: now.join(',')}, function () {
      say(label('moved', nameOf(id), ids().indexOf(id) + 1));
    });
  }

  /* An external tile opened from the page: tell the server for 最近使用 (internal ones it sees itself). */
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a.wb-tile') : null;
    if (!a || !/\bnoopener\b/.test(a.getAttribute('rel') || '') || !navigator.sendBeacon) {
      return;
    }
    var id = tileIdOf(a);
    if (id) {
      navigator.sendBeacon(endpoint, new URLSearchParams({token: token, action: 'opened', tile: id}));
    }
  });
}());
