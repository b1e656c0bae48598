// The public site's one script (a file: the Content-Security-Policy allows no inline
// script). Everything here adds to pages that work without it:
// - « Mon programme »: stars on sessions, kept in this browser's localStorage only, per
//   edition (body[data-edition]); the « Mon programme » page shows the starred sessions,
//   flags those at the same time and gives the calendar address carrying the selection;
// - the service worker that keeps the current edition for offline use (/sw.js): the site
//   works without it, online.
(function () {
    "use strict";

    var edition = document.body.getAttribute("data-edition");
    var storageKey = edition ? "rencontres-my-programme:" + edition : null;

    function load() {
        if (!storageKey) {
            return [];
        }
        try {
            var value = JSON.parse(window.localStorage.getItem(storageKey) || "[]");
            return Array.isArray(value) ? value.filter(function (code) {
                return /^[0-9a-f]{8}$/.test(code);
            }) : [];
        } catch (error) {
            return [];
        }
    }

    function save(codes) {
        try {
            window.localStorage.setItem(storageKey, JSON.stringify(codes));
        } catch (error) {
            // Storage refused (private mode, quota): the star stays as it was.
            return false;
        }
        return true;
    }

    function showStars(codes) {
        var stars = document.querySelectorAll("button.star[data-star]");
        Array.prototype.forEach.call(stars, function (star) {
            star.hidden = false;
            star.setAttribute(
                "aria-pressed",
                codes.indexOf(star.getAttribute("data-star")) >= 0 ? "true" : "false"
            );
        });
    }

    function overlaps(a, b) {
        return a.start < b.end && b.start < a.end;
    }

    function showMyProgramme(codes) {
        var list = document.querySelector("[data-my-programme]");
        if (!list) {
            return;
        }
        var shown = [];
        var items = list.querySelectorAll("li[data-session]");
        Array.prototype.forEach.call(items, function (item) {
            var starred = codes.indexOf(item.getAttribute("data-session")) >= 0;
            item.hidden = !starred;
            if (starred) {
                shown.push({
                    item: item,
                    start: Date.parse(item.getAttribute("data-start")),
                    end: Date.parse(item.getAttribute("data-end")),
                    title: item.getAttribute("data-title"),
                    off: item.getAttribute("data-cancelled") === "1"
                });
            }
        });
        // Two starred sessions at the same time (a cancelled one takes no time).
        var label = list.getAttribute("data-conflict-label");
        shown.forEach(function (session) {
            var others = shown.filter(function (other) {
                return other !== session && !other.off && !session.off && overlaps(session, other);
            });
            var note = session.item.querySelector(".my-session__conflict");
            if (note) {
                note.hidden = others.length === 0;
                note.textContent = others.length ? label + " " + others.map(function (other) {
                    return other.title;
                }).join(" ; ") : "";
            }
            session.item.classList.toggle("my-session--conflict", others.length > 0);
        });
        var empty = document.querySelector("[data-my-empty]");
        if (empty) {
            empty.hidden = shown.length > 0;
        }
        var subscribe = document.querySelector("[data-subscribe]");
        if (subscribe) {
            subscribe.hidden = shown.length === 0;
            var links = subscribe.querySelectorAll("[data-subscribe-link]");
            Array.prototype.forEach.call(links, function (link) {
                var base = link.getAttribute("data-base") || link.href.split("?")[0];
                link.setAttribute("data-base", base);
                var url = base + "?s=" + shown.map(function (session) {
                    return session.item.getAttribute("data-session");
                }).join(".");
                if (link.getAttribute("data-subscribe-link") === "webcal") {
                    url = url.replace(/^https?:/, "webcal:");
                } else {
                    link.textContent = url;
                }
                link.href = url;
            });
        }
    }

    function refresh() {
        var codes = load();
        showStars(codes);
        showMyProgramme(codes);
    }

    if (storageKey) {
        document.addEventListener("click", function (event) {
            var star = event.target.closest ? event.target.closest("button.star[data-star]") : null;
            if (!star) {
                return;
            }
            var code = star.getAttribute("data-star");
            var codes = load();
            var at = codes.indexOf(code);
            if (at >= 0) {
                codes.splice(at, 1);
            } else {
                codes.push(code);
            }
            if (save(codes)) {
                refresh();
            }
        });
        // Another tab starred a session.
        window.addEventListener("storage", function (event) {
            if (event.key === storageKey) {
                refresh();
            }
        });
        refresh();
    }

    // The current edition kept for offline use (sessions/offline.py, static/js/sw.js): the worker
    // is given this language's list on each visit, and fetches it again when it changed.
    var list = document.body.getAttribute("data-offline-list");
    if (list && "serviceWorker" in navigator) {
        navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
            return navigator.serviceWorker.ready;
        }).then(function (registration) {
            if (registration.active) {
                registration.active.postMessage({ type: "keep", list: list });
            }
        }).catch(function () {
            return null; // no worker (private mode, an old browser): the site works online
        });
    }
})();
