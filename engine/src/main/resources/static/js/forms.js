// Behaviour of the forms, kept out of inline handlers, which the Content-Security-Policy refuses.
// No field submits its form when its value changes (WCAG 3.2.2): every choice waits for a button.
document.addEventListener('DOMContentLoaded', function () {
  // An error summary (or a form given back after signing in) takes the focus, so a screen reader
  // reads it and the keyboard starts there (NL Design System, GOV.UK).
  var focus = document.querySelector('[data-focus-on-load]');
  if (focus) {
    focus.focus();
  }
});
