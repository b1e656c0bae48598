// The programme offline (sessions/offline.py). Served at /sw.js so that it may answer for the
// public pages of every language; the admin and everything else go to the network untouched.
//
// - Each page (static/js/site.js) hands the worker its language's list
//   (/<language>/hors-ligne.json). When the list's version differs from the one kept (a
//   publication changed one of its pages), the worker fetches every page of it again, as an
//   anonymous visitor, and keeps them with the instant they were saved.
// - Pages: the network first (a weak network is given a few seconds), else the kept copy,
//   with a line saying when it was saved; else the language's "not available offline" page.
// - The site's files (/static/): the kept copy first.
"use strict";

var CACHE = "rencontres-offline-v1";
var SAVED_AT = "X-Offline-Saved-At";
var NETWORK_WAIT_MS = 4000;
var LIST_CHECK_MS = 15 * 1000; // the list is asked for at most this often
var LANGUAGES = ["fr", "en", "es"];

self.addEventListener("install", function () {
    self.skipWaiting();
});

self.addEventListener("activate", function (event) {
    event.waitUntil(
        caches.keys().then(function (names) {
            return Promise.all(names.filter(function (name) {
                return name.indexOf("rencontres-offline-") === 0 && name !== CACHE;
            }).map(function (name) {
                return caches.delete(name);
            }));
        }).then(function () {
            return self.clients.claim();
        })
    );
});

function stamped(response) {
    // A copy of `response` that says when it was saved.
    var headers = new Headers(response.headers);
    headers.set(SAVED_AT, new Date().toISOString());
    return response.blob().then(function (body) {
        return new Response(body, {
            status: response.status,
            statusText: response.statusText,
            headers: headers
        });
    });
}

function save(cache, url) {
    return fetch(url, { credentials: "omit", cache: "no-cache" }).then(function (response) {
        if (!response.ok || response.redirected) {
            return null;
        }
        return stamped(response).then(function (copy) {
            return cache.put(url, copy);
        });
    }).catch(function () {
        return null; // one page missing does not stop the others
    });
}

var lastChecked = {};

function keep(listUrl) {
    var now = Date.now();
    if (lastChecked[listUrl] && now - lastChecked[listUrl] < LIST_CHECK_MS) {
        return Promise.resolve();
    }
    lastChecked[listUrl] = now;
    return caches.open(CACHE).then(function (cache) {
        return fetch(listUrl, { credentials: "omit", cache: "no-cache" }).then(function (response) {
            if (!response.ok) {
                return null;
            }
            return response.clone().json().then(function (list) {
                return cache.match(listUrl).then(function (kept) {
                    return kept ? kept.json() : null;
                }).then(function (previous) {
                    if (previous && previous.version === list.version) {
                        return null;
                    }
                    var urls = list.pages.concat(list.assets, list.offline);
                    return Promise.all(urls.map(function (url) {
                        return save(cache, url);
                    })).then(function () {
                        // Written last: a list kept means all its pages were fetched.
                        return cache.put(listUrl, response);
                    });
                });
            });
        }).catch(function () {
            return null;
        });
    });
}

self.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type === "keep" && typeof data.list === "string") {
        event.waitUntil(keep(data.list));
    }
});

function languageOf(url) {
    var first = url.pathname.split("/")[1];
    return LANGUAGES.indexOf(first) >= 0 ? first : LANGUAGES[0];
}

function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
        return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c];
    });
}

function withNote(response, language) {
    // The kept page, with a line at the top of its content saying when it was saved.
    var saved = response.headers.get(SAVED_AT);
    return response.text().then(function (html) {
        var label = (html.match(/data-offline-note="([^"]*)"/) || [])[1] || "";
        var when = saved ? new Date(saved) : null;
        var date = when ? new Intl.DateTimeFormat(language, {
            dateStyle: "long",
            timeStyle: "short"
        }).format(when) : "";
        var note = "<p class=\"offline-note\" role=\"status\">" + label + " " +
            escapeHtml(date) + ".</p>";
        html = html.replace(/(<main\b[^>]*>)/, "$1" + note);
        var headers = new Headers(response.headers);
        headers.delete("Content-Length");
        return new Response(html, { status: 200, headers: headers });
    });
}

function fromNetwork(request) {
    return new Promise(function (resolve, reject) {
        var timer = setTimeout(function () {
            reject(new Error("slow network"));
        }, NETWORK_WAIT_MS);
        fetch(request).then(function (response) {
            clearTimeout(timer);
            resolve(response);
        }, function (error) {
            clearTimeout(timer);
            reject(error);
        });
    });
}

function page(request, url) {
    return fromNetwork(request).catch(function () {
        return caches.open(CACHE).then(function (cache) {
            var path = url.pathname;
            return cache.match(path).then(function (kept) {
                var language = languageOf(url);
                if (kept) {
                    return withNote(kept, language);
                }
                return cache.match("/" + language + "/hors-ligne/").then(function (offline) {
                    return offline || Response.error();
                });
            });
        });
    });
}

function asset(request) {
    return caches.open(CACHE).then(function (cache) {
        return cache.match(request).then(function (kept) {
            return kept || fetch(request);
        });
    });
}

self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET") {
        return;
    }
    var url = new URL(request.url);
    if (url.origin !== self.location.origin) {
        return;
    }
    if (request.mode === "navigate" && LANGUAGES.indexOf(url.pathname.split("/")[1]) >= 0) {
        event.respondWith(page(request, url));
    } else if (url.pathname.indexOf("/static/") === 0) {
        event.respondWith(asset(request));
    }
});
