// Client-side search over the index inlined in the page, code-sample tabs and copy buttons.
// Plain ES2017, no dependencies, nothing fetched: the docs must work from file:// and offline.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // --- search -------------------------------------------------------------------------------
  var indexNode = document.getElementById("search-index");
  var entries = indexNode ? JSON.parse(indexNode.textContent) : [];
  var input = document.getElementById("search");
  var results = document.getElementById("search-results");
  var nav = document.getElementById("nav");
  var active = -1;

  function score(entry, words) {
    var id = entry.id.toLowerCase();
    var summary = entry.summary.toLowerCase();
    var terms = entry.terms.toLowerCase();
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (id === w) total += 100;
      else if (id.indexOf(w) >= 0) total += 30;
      else if (summary.indexOf(w) >= 0) total += 10;
      else if (terms.indexOf(w) >= 0) total += 4;
      else if (entry.tag.toLowerCase().indexOf(w) >= 0) total += 2;
      else return 0; // every word must match somewhere
    }
    return total;
  }

  function render(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    results.textContent = "";
    active = -1;
    if (!words.length) {
      results.hidden = true;
      nav.hidden = false;
      return;
    }
    var hits = entries
      .map(function (e) { return { e: e, s: score(e, words) }; })
      .filter(function (h) { return h.s > 0; })
      .sort(function (a, b) { return b.s - a.s || a.e.id.localeCompare(b.e.id); })
      .slice(0, 15);
    if (!hits.length) {
      var none = document.createElement("li");
      none.className = "sr-none";
      none.textContent = "No match.";
      results.appendChild(none);
    }
    hits.forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.e.url;
      var id = document.createElement("span");
      id.className = "sr-id";
      id.textContent = h.e.id;
      var sum = document.createElement("span");
      sum.className = "sr-sum";
      sum.textContent = h.e.summary;
      a.appendChild(id);
      a.appendChild(sum);
      li.appendChild(a);
      results.appendChild(li);
    });
    results.hidden = false;
    nav.hidden = true;
  }

  function move(step) {
    var links = results.querySelectorAll("a");
    if (!links.length) return;
    if (active >= 0) links[active].classList.remove("active");
    active = (active + step + links.length) % links.length;
    links[active].classList.add("active");
    links[active].scrollIntoView({ block: "nearest" });
  }

  if (input && results && nav) {
    input.addEventListener("input", function () { render(input.value); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); move(1); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); move(-1); }
      else if (ev.key === "Enter") {
        var links = results.querySelectorAll("a");
        var target = links[active >= 0 ? active : 0];
        if (target) window.location.href = target.href;
      } else if (ev.key === "Escape") { input.value = ""; render(""); }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "/" && document.activeElement !== input) { ev.preventDefault(); input.focus(); }
    });
  }

  // --- sample tabs: one language at a time, the choice kept across pages -------------------
  var stored = null;
  try { stored = window.localStorage.getItem("b24docs.lang"); } catch (e) { stored = null; }

  function choose(lang) {
    document.querySelectorAll(".sample").forEach(function (sample) {
      sample.querySelectorAll("[data-lang]").forEach(function (node) {
        node.classList.toggle("active", node.getAttribute("data-lang") === lang);
      });
    });
    try { window.localStorage.setItem("b24docs.lang", lang); } catch (e) { /* storage may be off */ }
  }

  document.querySelectorAll(".tabs button").forEach(function (button) {
    button.addEventListener("click", function () { choose(button.getAttribute("data-lang")); });
  });
  if (document.querySelector(".sample")) choose(stored === "python" || stored === "typescript" ? stored : "curl");

  // --- copy buttons (the clipboard API may be missing on file://; then the button hides) ----
  if (navigator.clipboard) {
    document.querySelectorAll(".panel").forEach(function (panel) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = "Copy";
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(panel.querySelector("code").textContent).then(
          function () { button.textContent = "Copied"; },
          function () { button.textContent = "Copy failed"; }
        );
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      });
      panel.appendChild(button);
    });
  }
})();
