// Behaviour that used to sit in inline handlers (onchange=...), which the Content-Security-Policy
// refuses: a field marked data-submit-on-change submits its form as soon as its value changes.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-submit-on-change]').forEach(function (field) {
    field.addEventListener('change', function () {
      field.form.submit();
    });
  });
});
