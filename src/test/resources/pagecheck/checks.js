/*
 * The page-by-page check's measurements (PageCheckIT), run in the page by WebDriver: returns a list of problems,
 * each "kind: where: what". arguments[0] = true when the 44 px touch-target rule applies (the phone width),
 * arguments[1] = the bundle keys to look for in the page's text.
 */
var phone = arguments[0];
var keys = arguments[1] || [];
var problems = [];
var vw = window.innerWidth;

function visible(el) {
  if (!el.getClientRects().length) return false;
  var s = getComputedStyle(el);
  if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false;
  var r = el.getBoundingClientRect();
  if (r.width <= 1 || r.height <= 1) return false; // visually hidden helpers
  return true;
}
function describe(el) {
  var d = el.tagName.toLowerCase();
  if (el.id) d += '#' + el.id;
  else if (el.className && typeof el.className === 'string') d += '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.');
  var t = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 24);
  return t ? d + ' "' + t + '"' : d;
}
function scrolls(el) {
  for (var a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    var ox = getComputedStyle(a).overflowX;
    if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') return a;
  }
  return null;
}

// 1. No horizontal scroll of the page.
var sw = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
if (sw > vw + 1) problems.push('scroll: page: ' + sw + ' px wide in a ' + vw + ' px window');

var all = document.body.querySelectorAll('*');
for (var i = 0; i < all.length; i++) {
  var el = all[i];
  var tag = el.tagName;
  if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'svg' || el.closest('svg')) continue;
  if (!visible(el)) continue;
  var r = el.getBoundingClientRect();
  // 2. No element wider than its container (one that scrolls sideways on purpose is its own container).
  var p = el.parentElement;
  if (p && p !== document.body && p !== document.documentElement) {
    var pr = p.getBoundingClientRect();
    var ps = getComputedStyle(p);
    var inner = pr.right - parseFloat(ps.borderRightWidth) + 1;
    var pox = ps.overflowX;
    if (r.right > inner + 1 && pox === 'visible' && !scrolls(el) && getComputedStyle(el).position !== 'fixed'
        && getComputedStyle(el).position !== 'absolute') {
      problems.push('overflow: ' + describe(el) + ': ends at ' + Math.round(r.right) + ' px, its container ' + describe(p)
          + ' at ' + Math.round(inner) + ' px');
    }
  }
  if (r.right > vw + 1 && !scrolls(el)) {
    problems.push('offscreen: ' + describe(el) + ': ends at ' + Math.round(r.right) + ' px of ' + vw);
  }
  // 3. No text under 12 px.
  for (var c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 && c.nodeValue.trim()) {
      var fs = parseFloat(getComputedStyle(el).fontSize);
      if (fs < 12) problems.push('small-text: ' + describe(el) + ': ' + fs + ' px');
      break;
    }
  }
  // 4. Touch targets of at least 44 x 44 at phone width.
  if (phone) {
    var target = null;
    if (tag === 'BUTTON' || tag === 'SELECT' || tag === 'TEXTAREA' || el.getAttribute('role') === 'button') target = el;
    else if (tag === 'INPUT' && el.type !== 'hidden') {
      target = el;
      if (el.type === 'checkbox' || el.type === 'radio') {
        // A box's target is its label when it has one (a tap on the label ticks it).
        var lab = el.closest('label') || (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]'))
            || el.parentElement;
        if (lab && visible(lab)) target = lab;
      }
    } else if (tag === 'A' && el.hasAttribute('href')) {
      // A link acts as a button unless it sits in running text (its block has other words beside it).
      var block = el.parentElement;
      var own = (el.innerText || '').trim();
      var around = block ? (block.innerText || '').replace(own, '').trim() : '';
      var inText = around.length > 0 && getComputedStyle(el).display === 'inline'
          && !/wb-button|wb-list-item|wb-tile|tile/.test(el.className);
      if (!inText) target = el;
    }
    if (target) {
      var tr = target.getBoundingClientRect();
      if (target !== el) {
        // A box and its label together: the tap lands on either.
        var ir = el.getBoundingClientRect();
        tr = {width: Math.max(tr.right, ir.right) - Math.min(tr.left, ir.left),
              height: Math.max(tr.bottom, ir.bottom) - Math.min(tr.top, ir.top)};
      }
      if (tr.height < 43.5 || tr.width < 43.5) {
        problems.push('target: ' + describe(el) + ': ' + Math.round(tr.width) + '×' + Math.round(tr.height) + ' px');
      }
    }
  }
}

// 5. No bundle key shown instead of its text.
var text = document.body.innerText + ' ' + Array.prototype.map.call(
    document.querySelectorAll('input[type=submit],input[type=button],[placeholder],[aria-label],[title]'),
    function (e) { return [e.value, e.placeholder, e.getAttribute('aria-label'), e.title].join(' '); }).join(' ');
var m = text.match(/\?\?\?[^?\s]+\?\?\?/);
if (m) problems.push('missing-key: ' + m[0]);
for (var k = 0; k < keys.length; k++) {
  var at = text.indexOf(keys[k]);
  if (at >= 0) {
    var before = at === 0 ? ' ' : text.charAt(at - 1);
    var after = text.charAt(at + keys[k].length) || ' ';
    if (!/[\w.\-\/]/.test(before) && !/[\w\-\/]/.test(after)) problems.push('missing-key: "' + keys[k] + '" shown');
  }
}
return problems;
