// Room screens (sessions/now.py): the page asks again at the next session boundary, which
// the server gives in data-refresh-seconds (capped, so a publication on the day shows too).
(function () {
    "use strict";
    var seconds = parseInt(document.body.getAttribute("data-refresh-seconds"), 10);
    if (seconds > 0) {
        window.setTimeout(function () {
            window.location.reload();
        }, seconds * 1000);
    }
})();
