// Behaviour that used to sit in inline handlers (onchange=...), which the Content-Security-Policy
// refuses: a field marked data-submit-on-change submits its form as soon as its value changes.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-submit-on-change]').forEach(function (field) {
    field.addEventListener('change', function () {
      field.form.submit();
    });
  });
  // An error summary (or a form given back after signing in) takes the focus, so a screen reader
  // reads it and the keyboard starts there (NL Design System, GOV.UK).
  var focus = document.querySelector('[data-focus-on-load]');
  if (focus) {
    focus.focus();
  }
});
