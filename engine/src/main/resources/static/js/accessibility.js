// Two things the templates cannot do by themselves (see docs/accessibility.md).
//
// 1. WCAG 1.4.10 Reflow: on a phone (390 px) a wide table scrolls inside its own box instead of
//    widening the page. The box can be reached with Tab (so the keyboard can scroll it) and is named
//    after the table's caption or the heading above it. A table already in such a box (class
//    "scroll") is left as it is. Without this script the page itself scrolls sideways, as before.
//
// 2. WCAG 4.1.3 Status messages: htmx replaces parts of a page (a run's progress every 2 seconds,
//    the queue after filtering); a part that says what changed carries that in data-announce, and
//    this script copies it into the page's live region (#announcer, role=status) when it differs
//    from what was said before or answers the reader's own change of a filter, so a screen reader
//    hears it without losing its place.
(function () {
  'use strict';

  var said = '';

  function headingBefore(element) {
    for (var node = element; node && node !== document.body; node = node.parentElement) {
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) {
          return before;
        }
        var inside = before.querySelectorAll('h1, h2, h3, h4, h5, h6');
        if (inside.length) {
          return inside[inside.length - 1];
        }
      }
    }
    return document.querySelector('h1');
  }

  function nameOf(table) {
    if (table.caption && table.caption.textContent.trim()) {
      return table.caption.textContent.trim();
    }
    if (table.getAttribute('aria-label')) {
      return table.getAttribute('aria-label');
    }
    var heading = headingBefore(table);
    return heading ? heading.textContent.trim() : document.title;
  }

  function boxTables(root) {
    root.querySelectorAll('main table').forEach(function (table) {
      if (table.parentElement.classList.contains('scroll')) {
        return;
      }
      var box = document.createElement('div');
      box.className = 'scroll';
      box.setAttribute('tabindex', '0');
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', nameOf(table));
      table.parentElement.insertBefore(box, table);
      box.appendChild(table);
    });
  }

  function announcement() {
    var parts = [];
    document.querySelectorAll('[data-announce]').forEach(function (part) {
      if (part.dataset.announce) {
        parts.push(part.dataset.announce);
      }
    });
    return parts.join('. ');
  }

  document.addEventListener('DOMContentLoaded', function () {
    boxTables(document);
    said = announcement();
  });

  // After the reader changed a filter, the answer is said even when it is the same as before (the
  // region is emptied first, so that a screen reader hears it again); a poll only when it changed.
  var asked = false;
  document.addEventListener('change', function () { asked = true; });
  document.addEventListener('submit', function () { asked = true; });

  document.addEventListener('htmx:afterSettle', function () {
    boxTables(document);
    var now = announcement();
    var announcer = document.getElementById('announcer');
    if (announcer && now && (now !== said || asked)) {
      said = now;
      announcer.textContent = '';
      setTimeout(function () { announcer.textContent = now; }, 100);
    }
    asked = false;
  });
})();
