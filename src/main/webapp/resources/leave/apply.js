/* The leave form: choosing half days, exact times or class periods (按节) shows that set of fields and empties the
   others. */
(function () {
  'use strict';
  var FIELDS = {half: 'half-day-fields', time: 'time-fields', periods: 'period-fields'};
  var CLEAR = {half: ['startDate', 'endDate'], time: ['start', 'end'], periods: ['periodDate']};
  var FIRST = {half: 'startDate', time: 'start', periods: 'periodDate'};
  function precision(mode) {
    Object.keys(FIELDS).forEach(function (m) {
      var box = document.getElementById(FIELDS[m]);
      if (box) {
        box.hidden = m !== mode;
      }
      if (m !== mode) {
        CLEAR[m].forEach(function (id) {
          var f = document.getElementById(id);
          if (f) {
            f.value = '';
          }
        });
      }
    });
    var first = document.getElementById(FIRST[mode]);
    first.dispatchEvent(new Event('change', {bubbles: true}));
  }
  document.addEventListener('click', function (e) {
    var radio = e.target.closest ? e.target.closest('input[data-precision]') : null;
    if (radio) {
      precision(radio.getAttribute('data-precision'));
    }
  });
})();
