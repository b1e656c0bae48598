/*
 * wagtail-localize's translation editor writes a few words in English whatever the admin's
 * language: a hidden « More actions » label, the « Français to English translation » header,
 * « PO File » as the tool that translated a string, dates with English month names, and
 * « Publier dans » glued to the language's own name (« Publier dansEnglish »).
 * In a French admin (<html lang="fr">), this puts them in French as the editor renders.
 *
 * Only wagtail-localize's own words are touched, never the texts being translated: the
 * source's and the translator's strings (« Thursday 2 July » stays as typed). A node is one
 * of its words when its whole text is one of the labels below; dates and « PO File » only
 * inside the comment under a string (« Traduit manuellement le 2 July 2026 »).
 */
(function () {
    "use strict";
    if (!document.documentElement.lang || document.documentElement.lang.slice(0, 2) !== "fr") {
        return;
    }
    var months = {
        January: "janvier", February: "février", March: "mars", April: "avril", May: "mai",
        June: "juin", July: "juillet", August: "août", September: "septembre",
        October: "octobre", November: "novembre", December: "décembre"
    };
    var languages = { "Français": "français", "English": "anglais", "Español": "espagnol" };
    function inFrench(name) {
        return languages[name.trim()] || name.trim();
    }
    var rules = [
        [/^More actions$/, "Plus d’actions"],
        [/^(.+) to (.+) translation$/, function (_all, source, target) {
            return "Traduction du " + inFrench(source) + " vers l’" + inFrench(target);
        }],
        [/^Publier dans\s*$/, "Publier en "],
        [/^(Français|English|Español)$/, function (name) { return inFrench(name); }],
        [/^Publier dans\s*(\S.*)$/, function (_all, target) { return "Publier en " + inFrench(target); }],
    ];
    // The comment wagtail-localize writes under a translated string, in French.
    var comment = /^Traduit (manuellement|automatiquement|avec .+) le \d{1,2} \S+ \d{4}$/;
    var commentRules = [
        [/PO File/g, "fichier PO"],
        [/\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/g,
            function (_all, day, month, year) { return day + " " + months[month] + " " + year; }]
    ];
    function isTheirs(node) {
        // The strings being translated are shown in paragraphs and typed in text areas.
        var parent = node.parentElement;
        return parent && parent.closest("textarea, [contenteditable], p, li > span");
    }
    function fix(node) {
        var text = node.nodeValue;
        var fixed = text;
        if (comment.test(text.trim())) {
            commentRules.forEach(function (rule) { fixed = fixed.replace(rule[0], rule[1]); });
        } else if (!isTheirs(node)) {
            rules.forEach(function (rule) { fixed = fixed.replace(rule[0], rule[1]); });
        }
        if (fixed !== text) {
            node.nodeValue = fixed;
        }
    }
    function walk(root) {
        var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        var node;
        while ((node = walker.nextNode())) {
            fix(node);
        }
    }
    function start() {
        var editor = document.querySelector(".js-translation-editor");
        if (!editor) {
            return;
        }
        walk(editor);
        new MutationObserver(function (mutations) {
            mutations.forEach(function (mutation) {
                if (mutation.type === "characterData") {
                    fix(mutation.target);
                } else {
                    mutation.addedNodes.forEach(function (added) {
                        if (added.nodeType === Node.TEXT_NODE) {
                            fix(added);
                        } else if (added.nodeType === Node.ELEMENT_NODE) {
                            walk(added);
                        }
                    });
                }
            });
        }).observe(editor, { childList: true, subtree: true, characterData: true });
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
