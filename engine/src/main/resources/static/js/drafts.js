// A reviewer's motivation must survive an expired session or a refused post: every field marked
// data-draft keeps what is typed in this tab's session storage and gets it back when the page is
// opened again; an element marked data-clear-draft (the queue's "decided" notice) forgets it.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-clear-draft]').forEach(function (done) {
    sessionStorage.removeItem('draft:' + done.dataset.clearDraft);
  });
  document.querySelectorAll('[data-draft]').forEach(function (field) {
    var key = 'draft:' + field.dataset.draft;
    if (!field.value && sessionStorage.getItem(key)) {
      field.value = sessionStorage.getItem(key);
    }
    field.addEventListener('input', function () {
      sessionStorage.setItem(key, field.value);
    });
  });
});
