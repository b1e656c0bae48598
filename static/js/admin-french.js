/*
 * wagtail-localize's translation editor writes a few words in English whatever the admin's
 * language: a hidden « More actions » label, the « Français to English translation » header,
 * « PO File » as the tool that translated a string, dates with English month names, and
 * « Publier dans » glued to the language's own name (« Publier dansEnglish »).
 * In a French admin (<html lang="fr">), this puts them in French as the editor renders.
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
        [/PO File/g, "fichier PO"],
        [/\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/g,
            function (_all, day, month, year) { return day + " " + months[month] + " " + year; }]
    ];
    function fix(node) {
        var text = node.nodeValue;
        var fixed = text;
        rules.forEach(function (rule) { fixed = fixed.replace(rule[0], rule[1]); });
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
