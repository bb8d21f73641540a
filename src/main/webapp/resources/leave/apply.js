/* The leave form: choosing half days or exact times shows that pair of fields and empties the other one. */
(function () {
  'use strict';
  function precision(half) {
    document.getElementById('half-day-fields').hidden = !half;
    document.getElementById('time-fields').hidden = half;
    var clear = half ? ['start', 'end'] : ['startDate', 'endDate'];
    clear.forEach(function (id) { document.getElementById(id).value = ''; });
    var first = document.getElementById(half ? 'startDate' : 'start');
    first.dispatchEvent(new Event('change', {bubbles: true}));
  }
  document.addEventListener('click', function (e) {
    var radio = e.target.closest ? e.target.closest('input[data-precision]') : null;
    if (radio) {
      precision(radio.getAttribute('data-precision') === 'half');
    }
  });
})();
