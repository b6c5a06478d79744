// newsquotes serve: show a quote's details on hover or click, and its other parts with it.
// Reads only data-* attributes set by the server and writes with textContent, never innerHTML.
"use strict";

(function () {
  function parts(id) {
    return document.querySelectorAll('mark.q[data-quote-id="' + CSS.escape(id) + '"]');
  }

  function show(mark) {
    var box = document.getElementById("quote-details");
    if (!box) return;
    var fields = [
      ["speaker", mark.dataset.speaker || "(unnamed)"],
      ["kind", mark.dataset.kind || "-"],
      ["mention", mark.dataset.mention || "-"],
      ["type", mark.dataset.type],
      ["cue", mark.dataset.cue || "-"],
      ["confidence", mark.dataset.confidence],
      ["quote", mark.dataset.quoteId],
    ];
    var list = document.createElement("dl");
    fields.forEach(function (field) {
      var term = document.createElement("dt");
      term.textContent = field[0];
      var value = document.createElement("dd");
      value.textContent = field[1];
      list.appendChild(term);
      list.appendChild(value);
    });
    box.replaceChildren(list);
  }

  function activate(mark, on) {
    parts(mark.dataset.quoteId).forEach(function (part) {
      part.classList.toggle("active", on);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var text = document.getElementById("article-text");
    if (!text) return;
    var pinned = null;
    text.addEventListener("mouseover", function (event) {
      var mark = event.target.closest("mark.q");
      if (!mark || pinned) return;
      activate(mark, true);
      show(mark);
    });
    text.addEventListener("mouseout", function (event) {
      var mark = event.target.closest("mark.q");
      if (mark && !pinned) activate(mark, false);
    });
    text.addEventListener("click", function (event) {
      var mark = event.target.closest("mark.q");
      if (pinned) activate(pinned, false);
      pinned = mark && mark !== pinned ? mark : null;
      if (mark) {
        activate(mark, true);
        show(mark);
      }
    });
    // a speaker's row in the panel shows only that speaker's quotes in colour
    document.querySelectorAll("tr[data-speaker-row]").forEach(function (row) {
      row.addEventListener("click", function (event) {
        if (event.target.closest("a")) return;
        var name = row.dataset.speakerRow;
        var on = !(text.classList.contains("dim") && text.dataset.focus === name);
        text.classList.toggle("dim", on);
        text.dataset.focus = on ? name : "";
        text.querySelectorAll("mark.q").forEach(function (mark) {
          mark.classList.toggle("focus", on && mark.dataset.speaker === name);
        });
      });
    });
  });
})();
